/**
 * The version rule of `Store.upsertPapers`, shared by every backend so they cannot disagree:
 * - a new id is inserted;
 * - a higher version replaces the stored paper;
 * - an equal version replaces it only when the metadata differs;
 * - a lower version never overwrites the stored metadata;
 * - `announced` always keeps the earliest day either record knows. So an older version that
 *   carries an earlier announcement day moves only that day (reported as "updated", since the
 *   daily views change); otherwise an older version is "unchanged".
 * A replacement by a same-or-newer version also says which events it brings (events/detect.ts);
 * the backend stores them in the same transaction. Inserts and unchanged papers skip detection.
 */
import type { Paper } from "../core/paper.js";
import type { DetectedEvent } from "./event-types.js";
import { detectEvents } from "./events/detect.js";
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
  | { outcome: Exclude<UpsertOutcome, "unchanged">; paper: Paper; data: string; events: readonly DetectedEvent[] };

const NO_EVENTS: readonly DetectedEvent[] = Object.freeze([]);

export function decideUpsert(stored: StoredPaperRow | undefined, incoming: Paper): UpsertDecision {
  if (!stored) return { outcome: "inserted", paper: incoming, data: encodePaper(incoming), events: NO_EVENTS };
  const earliest = incoming.announced < stored.announced ? incoming.announced : stored.announced;
  if (incoming.version < stored.version) {
    if (earliest === stored.announced) return { outcome: "unchanged" };
    const paper = { ...decodePaper(stored.data), announced: earliest };
    return { outcome: "updated", paper, data: encodePaper(paper), events: NO_EVENTS };
  }
  const paper = earliest === incoming.announced ? incoming : { ...incoming, announced: earliest };
  const data = encodePaper(paper);
  if (incoming.version === stored.version && data === stored.data) return { outcome: "unchanged" };
  return { outcome: "updated", paper, data, events: detectEvents(decodePaper(stored.data), paper) };
}
