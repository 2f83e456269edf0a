// Every intent rule, in one list. Order does not matter: priorities live in classify.ts.

import { ATTACK_RULES } from "./attack.js";
import { CIRCUMSTANCE_RULES } from "./circumstances.js";
import { CONVERSATION_RULES } from "./conversation.js";
import { DISPUTE_RULES } from "./dispute.js";
import { FEE_RULES } from "./fees.js";
import { LEGAL_RULES } from "./legal.js";
import { NEGOTIATION_RULES } from "./negotiation.js";
import { PAYMENT_RULES } from "./payment.js";
import { PERSON_RULES } from "./person.js";
import type { Rule } from "./rule.js";

export const ALL_RULES: readonly Rule[] = [
  ...LEGAL_RULES,
  ...DISPUTE_RULES,
  ...FEE_RULES,
  ...PERSON_RULES,
  ...CIRCUMSTANCE_RULES,
  ...ATTACK_RULES,
  ...NEGOTIATION_RULES,
  ...CONVERSATION_RULES,
  ...PAYMENT_RULES,
];
