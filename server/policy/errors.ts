// Errors the engine throws for inputs it cannot price. They carry a stable code for the caller's
// error family; the message is for logs and collectors, never for debtors.

export type PolicyErrorCode = "currency_not_allowed" | "invalid_facts" | "invalid_date" | "invalid_time_zone";

export class PolicyError extends Error {
  constructor(
    readonly code: PolicyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "PolicyError";
  }
}
