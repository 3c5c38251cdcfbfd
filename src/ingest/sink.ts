/**
 * What the importer needs from a store. Declared here, structurally, because src/ingest comes
 * before src/store in the dependency order; every `Store` satisfies it.
 */
import { setTimeout as sleep } from "node:timers/promises";
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
 * The store failed, not the data (locked past every retry, disk full, connection lost): the
 * records at `positions` were not stored and the import must stop and say so.
 */
export class NotStored extends Error {
  constructor(
    readonly positions: readonly Position[],
    readonly reason: string,
  ) {
    super(reason);
    this.name = "NotStored";
  }
}

/** A refusal of the data (an invalid paper, status 4xx) costs only that paper; anything else is the store's failure. */
const isRefusal = (e: unknown) => isPaperfeedError(e) && e.status < 500;
const isBusy = (e: unknown) => isPaperfeedError(e) && e.id === "busy";

/**
 * Waits after each "busy" (another writer held the lock past the store's own busy timeout):
 * 0.1, 0.2, 0.4 … 3.2 s, about 6 s in all besides the timeouts, then gives up.
 */
export const BUSY_RETRIES = 6;
const busyWaitMs = (attempt: number) => 100 * 2 ** attempt;

/** Runs a store write, again after a busy store (see BUSY_RETRIES). */
export async function retryWhenBusy<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (e) {
      if (!isBusy(e) || attempt >= BUSY_RETRIES) throw e;
      await sleep(busyWaitMs(attempt));
    }
  }
}

/**
 * Upserts a batch. If the store refuses the batch's data (its transaction rolled back, nothing
 * written), the papers are retried one by one so that one bad paper costs only itself. If the
 * store fails, throws NotStored naming every paper of the batch not written.
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
    count(await retryWhenBusy(() => sink.upsertPapers(batch.map((b) => b.paper))));
    return tally;
  } catch (e) {
    if (!isRefusal(e)) throw new NotStored(batch.map((b) => b.position), messageOf(e));
    if (batch.length === 1) {
      refuse(tally, batch[0]!.position, e);
      return tally;
    }
  }
  for (const [i, one] of batch.entries()) {
    try {
      count(await retryWhenBusy(() => sink.upsertPapers([one.paper])));
    } catch (e) {
      if (!isRefusal(e)) throw new NotStored(batch.slice(i).map((b) => b.position), messageOf(e));
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
