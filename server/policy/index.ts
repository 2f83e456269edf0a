// Public API of the policy engine. Pure except load.ts and check-files.ts (YAML files are read there).
export { amountDue } from "./amount-due.js";
export { canonicalJson } from "./canonical.js";
export { type CheckReport, checkPackFiles } from "./check-files.js";
export { addDays, addMonths, dateInZone, daysBetween, isIsoDate, toLocalDate } from "./dates.js";
export { disclosuresDue, render as renderDisclosure } from "./disclosures.js";
export { PolicyError, type PolicyErrorCode } from "./errors.js";
export { automaticEscalations, type PolicyNotice, policyNotice } from "./escalation.js";
export { negotiable, nextOffer } from "./ladder.js";
export { limitationPeriod } from "./limitation.js";
export {
  discountTier,
  type EffectiveLimits,
  effectiveLimits,
  publicBounds,
  settlementAvailable,
} from "./limits.js";
export {
  crossCheckPacks,
  type LoadedPack,
  type LoadResult,
  loadPackFile,
  loadPacks,
  type ParseResult,
  PolicyLoadError,
  packHash,
  parsePack,
} from "./load.js";
export { formatPackError, type PackError } from "./pack-errors.js";
export { evaluateProposal } from "./proposal.js";
export { KNOWN_RULE_IDS, RULE_ID_PATTERN } from "./rule-ids.js";
export { type ScheduleOptions, schedule } from "./schedule.js";
export { type PolicyPack, type PolicyPackInput, policyPackSchema } from "./schema.js";
export type { CaseFlag, EscalationKind, Moment, WordingCategory } from "./schema-text.js";
export { type PackSelection, packIdFor, selectPack } from "./select.js";
export {
  checkText,
  type TextCheckResult,
  type TextContext,
  type Violation,
  type ViolationKind,
} from "./text-check.js";
export type {
  AmountDue,
  AmountLine,
  AmountLineKind,
  Cadence,
  Instalment,
  NegotiationSignals,
  NegotiationState,
  OfferKind,
  OfferTerms,
  Proposal,
  ProposalDecision,
  PublicBounds,
  ReasonCode,
} from "./types.js";
export { instantAtWallClock, type WallClock, wallClock } from "./wall-clock.js";
