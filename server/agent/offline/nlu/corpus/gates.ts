// Accuracy gates shared by the corpus test and scripts/nlu-accuracy.ts.
// The corpus was written alongside the rules, so its bar is high; the held-out files and
// the outside sets are the honest measures.

/** Overall intent accuracy the labelled corpus must keep. */
export const CORPUS_THRESHOLD = 0.95;
/** No intent's recall on the corpus may fall below this. */
export const INTENT_RECALL_FLOOR = 0.8;
/** Outside sets: the project requires these recalls (see shared/data/README.md). */
export const DISPUTE_LIKE_RECALL = 0.85;
export const HANDOFF_RECALL = 0.85;

/**
 * The outside sets through the whole offline path (NLU, routing, toolbox): what the conversation
 * does, see server/agent/offline/test-support/routed-outside.ts and `npm run nlu:outside`.
 */
export const ROUTED_DISPUTE_RECALL = 0.95;
export const ROUTED_HANDOFF_RECALL = 0.95;
/** At most this share of ordinary banking lines may open a dispute. */
export const ROUTED_OTHER_AS_DISPUTE = 0.03;
