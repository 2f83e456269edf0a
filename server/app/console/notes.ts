// Internal notes for the team on a case (never shown to the debtor), pushed live to the case room.
import type { CaseNotes } from "../../../contract/console-cases.js";
import { noteInput } from "../../../contract/console-inputs.js";
import { notFound } from "../../errors/app-error.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import type { Actor, AppContext } from "../context.js";

export async function caseNotes(ctx: AppContext, caseId: string): Promise<CaseNotes> {
  const rows = await ctx.stores.notes.list(caseId);
  return {
    items: rows.map((n) => ({
      id: n.id,
      text: n.text,
      author: n.author.email,
      createdAt: n.createdAt.toISOString(),
    })),
  };
}

export async function writeNote(ctx: AppContext, actor: Actor, caseId: string, body: unknown) {
  const input = parseOrThrow(noteInput, body, "note");
  const added = await ctx.stores.notes.add({ caseId, authorId: actor.userId, text: input.text });
  if (added.status === "not_found") throw notFound("Case");
  ctx.events.publish({ type: "case.note", caseId, noteId: added.id });
  return { id: added.id, text: input.text, author: actor.email, createdAt: added.createdAt.toISOString() };
}
