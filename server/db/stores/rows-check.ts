// Compile-time check that the plain row types of the ports (app/ports/rows.ts) match the tables:
// a column added, removed or retyped in prisma/schema.prisma fails the typecheck here until rows.ts
// follows. Types only; nothing runs.

import type * as R from "../../app/ports/rows.js";
import type * as M from "../generated/client.js";

/** Both ways assignable: same columns, same types. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;

export type RowsMatchTables = [
  Check<Same<M.User, R.UserRow>>,
  Check<Same<M.AuthSession, R.AuthSessionRow>>,
  Check<Same<M.Creditor, R.CreditorRow>>,
  Check<Same<M.Debtor, R.DebtorRow>>,
  Check<Same<M.Case, R.CaseRow>>,
  Check<Same<M.Invoice, R.InvoiceRow>>,
  Check<Same<M.DebtorAccessToken, R.DebtorAccessTokenRow>>,
  Check<Same<M.Conversation, R.ConversationRow>>,
  Check<Same<M.Message, R.MessageRow>>,
  Check<Same<M.ConversationEvent, R.ConversationEventRow>>,
  Check<Same<M.Offer, R.OfferRow>>,
  Check<Same<M.PromiseToPay, R.PromiseToPayRow>>,
  Check<Same<M.Instalment, R.InstalmentRow>>,
  Check<Same<M.Payment, R.PaymentRow>>,
  Check<Same<M.Escalation, R.EscalationRow>>,
  Check<Same<M.PolicyVersion, R.PolicyVersionRow>>,
  Check<Same<M.AuditLog, R.AuditLogRow>>,
  Check<Same<M.JobLease, R.JobLeaseRow>>,
  Check<Same<M.BackgroundJob, R.BackgroundJobRow>>,
  Check<Same<M.OutreachSequence, R.OutreachSequenceRow>>,
  Check<Same<M.OutreachMessage, R.OutreachMessageRow>>,
  Check<Same<M.StripeEvent, R.StripeEventRow>>,
  Check<Same<M.StatementLine, R.StatementLineRow>>,
  Check<Same<M.UserInvitation, R.UserInvitationRow>>,
  Check<Same<M.StaffMail, R.StaffMailRow>>,
  Check<Same<M.CaseNote, R.CaseNoteRow>>,
];
