// Shapes of the outreach API (server/app/outreach/views.ts).
export interface OutreachMessage {
  id: string;
  stepKey: string;
  kind: string;
  channel: "email" | "sms" | "letter" | "task";
  templateId: string;
  recipient: string | null;
  subject: string | null;
  status: string;
  transport: string | null;
  attempts: number;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
  caseId?: string;
  reference?: string;
  creditor?: string;
}

export interface OutreachSequence {
  status: string;
  reason: string | null;
  nextRunAt: string | null;
  nextStep: { id: string; channel: string; tone: string; date: string } | null;
  emailOptOutAt: string | null;
  smsOptOutAt: string | null;
  lastOpenedAt: string | null;
  steps: { id: string; day: number; channel: string; tone: string; template: string }[];
  messages: OutreachMessage[];
}

export interface OutreachDetail extends OutreachMessage {
  text: string;
  html: string | null;
}
