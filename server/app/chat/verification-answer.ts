// Does an answer pass the case's security question? The chat's check, shared with the policy
// studio's replay (which starts a past conversation where its verification succeeded). One answer is
// tried in its usual spellings ("3 novembre 1979" for "03/11/1979"), in turn.

import { normaliseAnswer } from "../../../contract/case-input.js";
import type { AnswerHasher } from "../../auth/answer-hash.js";
import { answerForms } from "../../domain/answer-forms.js";

export async function answerMatches(
  answers: AnswerHasher,
  detail: { verificationAnswer: string | null; invoices: readonly { number: string }[] },
  answer: string,
  options: { monthFirst?: boolean } = {},
): Promise<boolean> {
  const stored = detail.verificationAnswer;
  for (const form of answerForms(answer, { monthFirst: options.monthFirst ?? false })) {
    if (form.length === 0) continue;
    const verified = stored
      ? await answers.verify(form, stored)
      : detail.invoices.some((i) => form.includes(normaliseAnswer(i.number)));
    if (verified) return true;
  }
  return false;
}
