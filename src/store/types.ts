/**
 * The storage contract. Everything outside `src/store` talks to this interface only, so the
 * embedded SQLite backend and the PostgreSQL backend are interchangeable; one contract test
 * suite (test/store/contract.ts) runs against both. All methods are async even where SQLite
 * would not need it, because PostgreSQL does.
 */
import type { Paper } from "../core/paper.js";
import type { PaperEvent, PaperEventQuery } from "./event-types.js";
import type { HarvestCheckpoint } from "../ingest/harvest/types.js";

/** What an upsert did to one paper. */
export type UpsertOutcome =
  /** The id was new. */
  | "inserted"
  /**
   * A newer version, or the same version with changed metadata, replaced the stored one; or an
   * older version carried an earlier `announced` day, and only that day moved.
   */
  | "updated"
  /** Identical to what was stored, or an older version with nothing new (never overwrites). */
  | "unchanged";

/** A change to the paper table, in commit order; the search index replays these to stay live. */
export interface PaperChange {
  /** Strictly increasing across all changes of one database. */
  seq: number;
  id: string;
  kind: "upsert" | "delete";
}

export interface DayCount {
  /** "YYYY-MM-DD" */
  day: string;
  count: number;
}

export interface ListOptions {
  /** Max rows; default 50, 1–1000. */
  limit?: number;
  /** Rows to skip; default 0. */
  offset?: number;
}

export interface StoreStats {
  papers: number;
  /** Earliest and latest `announced` day, null when empty. */
  firstDay: string | null;
  lastDay: string | null;
  /** Top primary categories by paper count. */
  categories: Array<{ category: string; count: number }>;
  /** Backend name and file or URL (without password). */
  backend: string;
  location: string;
  /** Highest change sequence number. */
  lastSeq: number;
}

/**
 * Where a harvest of one source stands, per key; declared with the harvester
 * (src/ingest/harvest/types.ts), whose checkpoints these are.
 */
export type HarvestState = HarvestCheckpoint;

export interface Store {
  /**
   * Inserts or replaces papers by id in one transaction. A higher `version` replaces a lower one;
   * a lower one never overwrites a higher one; an equal version replaces only if the metadata
   * differs. `announced` keeps the earliest known day. Returns one outcome per input, in order.
   * A replaced paper's events (new version, DOI, journal-ref, code link, withdrawal; see
   * event-types.ts) are recorded in the same transaction; a first insert records none.
   */
  upsertPapers(papers: readonly Paper[]): Promise<UpsertOutcome[]>;
  /** Events of these papers (recorded after `since`, when given), newest `date` first. */
  paperEvents(paperIds: readonly string[], query?: PaperEventQuery): Promise<PaperEvent[]>;
  /** Removes a paper (OAI-PMH deleted records). Returns false when it was not stored. */
  deletePaper(id: string): Promise<boolean>;
  getPaper(id: string): Promise<Paper | null>;
  /** Papers for these ids, in the order of `ids`; missing ids are left out. */
  getPapers(ids: readonly string[]): Promise<Paper[]>;
  /**
   * The stored JSON of these papers by id (missing ids are left out), for answers that pass
   * papers on as JSON: parsing and serialising them again cost the search API about a tenth of
   * its CPU. Key order may differ between backends (PostgreSQL keeps JSONB's).
   */
  getPaperTexts(ids: readonly string[]): Promise<Map<string, string>>;
  /** Papers announced on days in [fromDay, toDay] (inclusive), newest day first, then id. */
  listAnnounced(fromDay: string, toDay: string, options?: ListOptions): Promise<Paper[]>;
  countAnnounced(fromDay: string, toDay: string): Promise<number>;
  /** Days that have papers, with counts; newest first. */
  announcedDays(options?: ListOptions): Promise<DayCount[]>;
  /** Nearest day with papers strictly before / after `day`, or null. */
  adjacentDay(day: string, direction: "before" | "after"): Promise<string | null>;
  /** All papers in id order, in batches; the search index builds from this. */
  scanPapers(batchSize?: number): AsyncIterable<Paper[]>;
  /**
   * Changes with seq > afterSeq, oldest first, at most `limit` (default 1000, 1–100,000). The log
   * keeps each id's latest change only, so replaying from any seq reaches the stored state.
   */
  changesSince(afterSeq: number, limit?: number): Promise<PaperChange[]>;
  countPapers(): Promise<number>;
  /** The harvest checkpoint under `key`, or null when none was written. */
  harvestState(key: string): Promise<HarvestState | null>;
  /** Writes (replaces) the checkpoint under `key`; days are checked as "YYYY-MM-DD" or null. */
  setHarvestState(key: string, state: HarvestState): Promise<void>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
