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
    options?: {
      cause?: unknown;
      /**
       * The message is written for visitors and names no file, host or address, so it is shown
       * even for a 5xx ("arXiv could not be reached …; try again in a few minutes"). Default false:
       * a 5xx is shown as a generic message and its details go to the log only.
       */
      visible?: boolean;
    },
  ) {
    super(`${component}: ${message}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "PaperfeedError";
    this.visible = options?.visible ?? false;
  }

  /** See the constructor's `visible` option. */
  readonly visible: boolean;
}

export const isPaperfeedError = (e: unknown): e is PaperfeedError => e instanceof PaperfeedError;

/** Message of any thrown value, for places that must report without a stack trace. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
