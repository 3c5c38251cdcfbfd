/**
 * Where a harvest starts. Per (endpoint, set) the store keeps a checkpoint (HarvestCheckpoint):
 * a run in progress resumes at its resumptionToken; otherwise a new run starts from the later of
 * the day the last completed run began and the newest datestamp of an imported Kaggle snapshot;
 * on a fresh database, `backfillDays` days back.
 */
import type { HarvestCheckpoint, HarvestSink } from "./types.js";
import { addDays, dayOf, laterDay } from "./dates.js";

/** The checkpoint key of one (endpoint, set); set "" = all of arXiv. */
export const harvestKey = (endpoint: string, set: string) => `oai-pmh|${endpoint}|${set}`;

/** A Kaggle snapshot covers all of arXiv up to its newest datestamp, whatever the endpoint or set. */
export const SNAPSHOT_KEY = "snapshot|kaggle";

/** The day a new run starts when no `from` is given. */
export function startDay(
  state: HarvestCheckpoint | null,
  snapshot: HarvestCheckpoint | null,
  now: number,
  backfillDays: number,
): string {
  return laterDay(state?.nextFrom ?? null, snapshot?.nextFrom ?? null) ?? addDays(dayOf(now), -backfillDays);
}

/**
 * After importing a Kaggle snapshot whose newest datestamp (`update_date`) is `day`: harvests
 * start from that day (re-asking it, which is idempotent), so snapshot and harvest meet without a
 * gap. Kept only when newer than the day already recorded. Returns the day now recorded.
 */
export async function recordSnapshotDatestamp(store: Pick<HarvestSink, "harvestState" | "setHarvestState">, day: string, now: number): Promise<string> {
  const current = await store.harvestState(SNAPSHOT_KEY);
  const newest = laterDay(current?.nextFrom ?? null, day)!;
  if (newest !== current?.nextFrom) {
    await store.setHarvestState(SNAPSHOT_KEY, {
      from: null, until: null, runDate: null, metadataPrefix: null, resumptionToken: null,
      nextFrom: newest, updatedAt: new Date(now).toISOString(),
    });
  }
  return newest;
}
