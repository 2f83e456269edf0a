import type { z } from "zod";
import { AppError, type ErrorDetail } from "./app-error.js";

/** Turns zod issues into `{path, message}` details, one per problem, with dotted field paths. */
export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join(".") : "(root)",
    message: issue.message,
  }));
}

/** Parses or throws a validation_failed AppError listing every problem. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, what = "request"): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = zodDetails(result.error);
  const first = details[0];
  const summary = first ? `${first.path}: ${first.message}` : "invalid";
  throw new AppError("validation_failed", `Invalid ${what}: ${summary}`, details);
}
