// Does an answer pass the case's security question? The chat's check, shared with the policy
// studio's replay (which starts a past conversation where its verification succeeded).
import { verifyPassword } from "../../auth/passwords.js";
import { normaliseAnswer } from "../cases/case-input.js";

export async function answerMatches(
  detail: { verificationAnswer: string | null; invoices: readonly { number: string }[] },
  answer: string,
): Promise<boolean> {
  const normalised = normaliseAnswer(answer);
  return (
    normalised.length > 0 &&
    (detail.verificationAnswer
      ? await verifyPassword(normalised, detail.verificationAnswer)
      : detail.invoices.some((i) => normalised.includes(normaliseAnswer(i.number))))
  );
}
