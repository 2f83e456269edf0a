// Where a case stands. One list for the chat, the console, the evals and the web pages; the database
// enum (prisma/schema.prisma CaseStatus) holds the same values.

/** What the debtor's conversation can be in (the debtor page's `state` event). */
export const CHAT_CASE_STATUSES = ["verifying", "negotiating", "promised", "escalated", "closed"] as const;

/** Every status, including a case handed off to an outside agency (no conversation any more). */
export const CASE_STATUSES = [...CHAT_CASE_STATUSES, "handed_off"] as const;

export type CaseStatusName = (typeof CASE_STATUSES)[number];
