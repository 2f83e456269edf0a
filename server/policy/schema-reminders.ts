// Reminders section: the outreach sequence that brings a debtor to the chat. Steps are placed in days
// relative to the due date of the oldest unpaid invoice (negative = a courtesy reminder before it).
// The texts live in prompts/outreach/<locale>/<template>.yaml; policy:check renders each one and runs
// it through the output guard (server/outreach/template-check.ts).
import { z } from "zod";
import { citedValue, nonNegativeInt, positiveInt, refineUnique, rulesSchema } from "./schema-common.js";

const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "id must be lower-case words joined by hyphens" });

/** email and sms are sent; letter is a PDF for a person to post; task is a to-do in the console. */
export const reminderChannelSchema = z.enum(["email", "sms", "letter", "task"]);
export type ReminderChannel = z.infer<typeof reminderChannelSchema>;

/** courtesy: before or just after the due date; firm: later reminders; formal: a formal notice. */
export const reminderToneSchema = z.enum(["courtesy", "friendly", "firm", "formal"]);
export type ReminderTone = z.infer<typeof reminderToneSchema>;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
  error: (iss) => `expected a time HH:MM, got ${JSON.stringify(iss.input)}`,
});

export const reminderStepSchema = z
  .object({
    id: idSchema,
    /** Days from the oldest invoice's due date; negative for a courtesy reminder before it. */
    day: z
      .number()
      .int()
      .min(-60, { error: "must be at least -60" })
      .max(365, { error: "must be at most 365" }),
    channel: reminderChannelSchema,
    /** File stem in prompts/outreach/<locale>/. */
    template: idSchema,
    tone: reminderToneSchema,
    /** The debtor is given this many days to act ("by when"), stated in the message. */
    respondWithinDays: positiveInt.max(60, { error: "must be at most 60" }).default(8),
    /** Disclosure ids (from this pack's disclosures) added to this step's message on top of the sequence's. */
    disclosures: z.array(idSchema).default([]),
    rules: rulesSchema,
    note: z.string().optional(),
  })
  .strict();
export type ReminderStep = z.infer<typeof reminderStepSchema>;

export const remindersSchema = z
  .object({
    /** No message is sent in this local window (the debtor's time zone); from > to spans midnight. */
    quietHours: z.object({ from: clockTime, to: clockTime, rules: rulesSchema }).strict(),
    /** Saturdays, Sundays and the jurisdiction's public holidays move a step to the next working day. */
    workingDaysOnly: citedValue(z.boolean()),
    /** At most this many reminders in any 7 days (confirmations, which answer the debtor, do not count). */
    maxPerSevenDays: citedValue(positiveInt.max(7, { error: "must be at most 7" })),
    /** Disclosure ids every outgoing reminder carries (e.g. the US opt-out and "debt collector"). */
    disclosures: z.array(idSchema).default([]),
    /** While a promise is active: a reminder this many days before each instalment, a follow-up after a miss. */
    promise: z
      .object({
        beforeInstalmentDays: citedValue(nonNegativeInt.max(30, { error: "must be at most 30" })),
        afterMissedDays: citedValue(positiveInt.max(30, { error: "must be at most 30" })),
        channel: z.enum(["email", "sms"]).default("email"),
      })
      .strict(),
    steps: z
      .array(reminderStepSchema)
      .min(1, { error: "list at least one reminder step" })
      .superRefine(refineUnique("id", "step id"))
      .superRefine((steps, ctx) => {
        steps.forEach((s, i) => {
          const prev = steps[i - 1];
          if (prev && prev.day >= s.day)
            ctx.addIssue({
              code: "custom",
              path: [i, "day"],
              message: `steps must be in increasing day order (day ${s.day} is not after ${prev.day})`,
            });
        });
      }),
  })
  .strict();
export type Reminders = z.infer<typeof remindersSchema>;
