/** Reading paper events: the one SELECT both backends and the community store share, and its row mapping. */
import type { PaperEvent, PaperEventKind, PaperEventQuery } from "../event-types.js";
import { requireInt } from "../validate.js";

const COLUMNS = ["id", "paper_id", "kind", "detail", "happened_at", "recorded_at"];

/** The columns `eventOf` reads, each prefixed with `alias.` when given. */
export const eventColumns = (alias = "") => COLUMNS.map((c) => (alias ? `${alias}.${c}` : c)).join(", ");

/** Append WHERE and then EVENT_ORDER. */
export const EVENT_SELECT = `SELECT ${eventColumns()} FROM paper_events`;

/**
 * Newest date first; one change's events (same date) in the order they were found: the version,
 * then what came with it.
 */
export const eventOrder = (alias = "") => `ORDER BY ${alias}happened_at DESC, ${alias}id`;

export type EventRow = Record<"id" | "paper_id" | "kind" | "detail" | "happened_at" | "recorded_at", unknown>;

export const eventOf = (r: EventRow): PaperEvent => ({
  id: Number(r.id),
  paperId: String(r.paper_id),
  kind: String(r.kind) as PaperEventKind,
  detail: String(r.detail),
  date: String(r.happened_at),
  recordedAt: String(r.recorded_at),
});

/** `since` ("" = from the start; it sorts before every ISO time) and `limit` (default 50, 1–1000). */
export function eventQuery(query: PaperEventQuery | undefined): { since: string; limit: number } {
  return { since: query?.since ?? "", limit: requireInt(query?.limit, "limit", 50, 1, 1000) };
}
