/**
 * What the importer needs from a store. Declared here, structurally, because src/ingest comes
 * before src/store in the dependency order; every `Store` satisfies it.
 */
import { isPaperfeedError, messageOf } from "../core/errors.js";
import type { Paper } from "../core/paper.js";
import { formatPosition, type Position } from "./items.js";

export interface PaperSink {
  /** One transaction; one outcome per paper, in order (see Store.upsertPapers). */
  upsertPapers(papers: readonly Paper[]): Promise<Array<"inserted" | "updated" | "unchanged">>;
  /** False when the id was not stored. */
  deletePaper(id: string): Promise<boolean>;
}

export interface Tally {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Papers the store refused, with the store's reason. */
  refused: Array<{ position: Position; reason: string }>;
}

/**
 * Upserts a batch. If the store refuses the batch (its transaction rolled back, nothing written),
 * the papers are retried one by one so that one bad paper costs only itself.
 */
export async function tallyOutcomes(
  sink: PaperSink,
  batch: ReadonlyArray<{ paper: Paper; position: Position }>,
): Promise<Tally> {
  const tally: Tally = { inserted: 0, updated: 0, unchanged: 0, refused: [] };
  const count = (outcomes: ReadonlyArray<"inserted" | "updated" | "unchanged">) => {
    for (const outcome of outcomes) tally[outcome]++;
  };
  try {
    count(await sink.upsertPapers(batch.map((b) => b.paper)));
    return tally;
  } catch (e) {
    // Only a refusal of the data is worth a retry; a broken database fails the import.
    if (!isPaperfeedError(e) || batch.length === 1) {
      if (!isPaperfeedError(e)) throw e;
      refuse(tally, batch[0]!.position, e);
      return tally;
    }
  }
  for (const one of batch) {
    try {
      count(await sink.upsertPapers([one.paper]));
    } catch (e) {
      if (!isPaperfeedError(e)) throw e;
      refuse(tally, one.position, e);
    }
  }
  return tally;
}

function refuse(tally: Tally, position: Position, e: unknown) {
  tally.refused.push({
    position,
    reason: `ingest: ${formatPosition(position)}: not stored (${messageOf(e)})`,
  });
}
