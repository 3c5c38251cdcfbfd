/** The shapes `harvestArxiv` takes and returns; see harvest.ts for the semantics. */
import type { Config } from "../../config/types.js";
import type { Issue } from "../import-types.js";
import type { Clock } from "../http/clock.js";
import type { PaperSink } from "../sink.js";

/**
 * Where a harvest of one source stands, kept by the store per key (`Store.harvestState`, whose
 * `HarvestState` is this type), e.g. "oai-pmh|https://oaipmh.arxiv.org/oai|cs". Rewritten after
 * every page, so a harvest killed at any point resumes from the last page it stored. Days are
 * "YYYY-MM-DD".
 */
export interface HarvestCheckpoint {
  /** `from` / `until` of the run in progress or the last run; null when open-ended. */
  from: string | null;
  until: string | null;
  /** The server's day when that run began (its first response): the next run starts there. */
  runDate: string | null;
  /** OAI-PMH metadataPrefix of that run ("arXivRaw", or "arXiv" after a fallback). */
  metadataPrefix: string | null;
  /** Token of the run's next page; null when no run is in progress. */
  resumptionToken: string | null;
  /** Where the next run starts, once a run has completed (or a snapshot import says so). */
  nextFrom: string | null;
  /** ISO time of the last write. */
  updatedAt: string;
}

/** What the harvester needs from a store; every `Store` satisfies it. */
export interface HarvestSink extends PaperSink {
  harvestState(key: string): Promise<HarvestCheckpoint | null>;
  setHarvestState(key: string, state: HarvestCheckpoint): Promise<void>;
}

export interface HarvestProgress {
  /** The set being harvested ("" = all of arXiv), its 0-based index and the number of sets. */
  set: string;
  setIndex: number;
  setCount: number;
  /** Pages stored in this call for this set. */
  pages: number;
  /** Records read in this call for this set. */
  records: number;
  /**
   * Records of the whole list done so far and its size, from the page's resumptionToken
   * (`cursor` + records on the page, `completeListSize`); null when the server does not say.
   */
  done: number | null;
  total: number | null;
}

export interface HarvestOptions {
  store: HarvestSink;
  config: Pick<Config, "arxivOaiUrl" | "harvestSets" | "backfillDays" | "baseUrl" | "contact">;
  /** Time and sleeps (the polite spacing, Retry-After); a FakeClock in tests. */
  time: Clock;
  /** One line per notable event (fallbacks, restarts, waits, empty results). */
  log?: (line: string) => void;
  /** First day to ask ("YYYY-MM-DD"); default: resume from the checkpoint (see start.ts). */
  from?: string;
  /** Last day to ask ("YYYY-MM-DD"); default: none (up to the present). */
  until?: string;
  /** OAI sets, e.g. ["cs", "physics:hep-th"]; default `config.harvestSets`; empty = all of arXiv. */
  sets?: readonly string[];
  /** Called after every stored page. */
  onProgress?: (p: HarvestProgress) => void;
  /** Least time between requests, ms; default 3000 (arXiv's rule), 0–60000. For tests only. */
  minIntervalMs?: number;
  signal?: AbortSignal;
}

export interface HarvestSummary {
  /** Sets harvested ("" = all of arXiv). */
  sets: string[];
  /** One per set: the window asked, and whether a run in progress was resumed at its checkpoint. */
  runs: Array<{ set: string; from: string | null; until: string | null; resumed: boolean }>;
  /** Records read: new + updated + deleted + unchanged + skipped. */
  read: number;
  new: number;
  updated: number;
  deleted: number;
  /** Identical to what was stored (or a deletion of a paper not stored). */
  unchanged: number;
  /** Records that could not be stored (broken XML, no valid id), each an issue. */
  skipped: number;
  pages: number;
  /** OAI requests made (the polite client's retries of one request count once; they are logged). */
  requests: number;
  /** By the caller's clock, waits included. */
  seconds: number;
  /** Each problem record with the page URL and its position. */
  issues: Issue[];
  /** What the user should know: "no records match", a fallback, a restart after a bad token. */
  notes: string[];
}
