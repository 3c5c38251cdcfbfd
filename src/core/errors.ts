/**
 * One error type for the whole code base. Every error names the component it comes from and
 * carries a stable id, so messages read "store: paper 2401.01234 not found" and callers (the HTTP
 * error handler, the CLI) can branch on `id` without parsing text.
 */
export type Component =
  | "core"
  | "config"
  | "ingest"
  | "store"
  | "search"
  | "rank"
  | "actions"
  | "serve"
  | "deliver"
  | "jobs"
  | "cli";

export class PaperfeedError extends Error {
  constructor(
    readonly component: Component,
    /** Stable machine-readable id, e.g. "paper_not_found". */
    readonly id: string,
    message: string,
    /** HTTP status the serve layer maps it to. */
    readonly status = 400,
    options?: { cause?: unknown },
  ) {
    super(`${component}: ${message}`, options);
    this.name = "PaperfeedError";
  }
}

export const isPaperfeedError = (e: unknown): e is PaperfeedError => e instanceof PaperfeedError;

/** Message of any thrown value, for places that must report without a stack trace. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
