/**
 * The version rule of `Store.upsertPapers`, shared by every backend so they cannot disagree:
 * - a new id is inserted;
 * - a higher version replaces the stored paper;
 * - an equal version replaces it only when the metadata differs;
 * - a lower version never overwrites the stored metadata;
 * - `announced` always keeps the earliest day either record knows. So an older version that
 *   carries an earlier announcement day moves only that day (reported as "updated", since the
 *   daily views change); otherwise an older version is "unchanged".
 */
import type { Paper } from "../core/paper.js";
import type { UpsertOutcome } from "./types.js";
import { decodePaper, encodePaper } from "./paper-json.js";

/** The stored columns the rule needs; `data` is the canonical JSON written by `encodePaper`. */
export interface StoredPaperRow {
  version: number;
  announced: string;
  data: string;
}

export type UpsertDecision =
  | { outcome: Extract<UpsertOutcome, "unchanged"> }
  | { outcome: Exclude<UpsertOutcome, "unchanged">; paper: Paper; data: string };

export function decideUpsert(stored: StoredPaperRow | undefined, incoming: Paper): UpsertDecision {
  if (!stored) return { outcome: "inserted", paper: incoming, data: encodePaper(incoming) };
  const earliest = incoming.announced < stored.announced ? incoming.announced : stored.announced;
  if (incoming.version < stored.version) {
    if (earliest === stored.announced) return { outcome: "unchanged" };
    const paper = { ...decodePaper(stored.data), announced: earliest };
    return { outcome: "updated", paper, data: encodePaper(paper) };
  }
  const paper = earliest === incoming.announced ? incoming : { ...incoming, announced: earliest };
  const data = encodePaper(paper);
  if (incoming.version === stored.version && data === stored.data) return { outcome: "unchanged" };
  return { outcome: "updated", paper, data };
}
