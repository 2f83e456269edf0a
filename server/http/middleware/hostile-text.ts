// Refuses requests carrying hostile characters (NUL, lone surrogates, control characters) in the
// path, the query or a JSON body with a 400 naming the field, before any route or the database
// sees them. Each schema also checks its own strings (server/validation/user-text.ts); this net
// covers every route at once, including ids and filters no schema reads as text.
import type { RequestHandler } from "express";
import { AppError } from "../../errors/app-error.js";
import { findHostileChar, findHostileField, type HostileField } from "../../validation/user-text.js";

function refuse(found: HostileField): AppError {
  return new AppError("validation_failed", `Invalid request: ${found.path}: ${found.message}`, [found]);
}

function pathProblem(path: string): HostileField | null {
  for (const segment of path.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { path: "path", message: "must be valid percent-encoded UTF-8" };
    }
    const bad = findHostileChar(decoded);
    if (bad) return { path: "path", message: bad.reason };
  }
  return null;
}

/** The query parser replaces invalid percent-encoding silently; refuse it like the path does. */
function rawQueryProblem(url: string): HostileField | null {
  const at = url.indexOf("?");
  if (at < 0) return null;
  for (const part of url.slice(at + 1).split(/[&=]/)) {
    try {
      decodeURIComponent(part.replace(/\+/g, " "));
    } catch {
      return { path: "query", message: "must be valid percent-encoded UTF-8" };
    }
  }
  return null;
}

export const rejectHostileText: RequestHandler = (req, _res, next) => {
  const found =
    pathProblem(req.path) ??
    rawQueryProblem(req.originalUrl) ??
    findHostileField(req.query, ["query"]) ??
    (typeof req.body === "object" && req.body !== null ? findHostileField(req.body, ["body"]) : null);
  next(found ? refuse(found) : undefined);
};
