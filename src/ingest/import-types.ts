/** The shapes `importFiles` takes and returns; see import.ts for the semantics. */
import type { Position } from "./items.js";

export interface Issue {
  file: string;
  position: Position;
  /** The whole message, e.g. "ingest: x.jsonl line 12: invalid JSON (…)"; print it as it is. */
  reason: string;
}

export interface ImportProgress {
  file: string;
  /** 0-based index of `file` in the list, and the list's length. */
  fileIndex: number;
  fileCount: number;
  /** Records read from this file so far. */
  records: number;
  /** Bytes of this file consumed so far (compressed bytes for gzip), and its size. */
  bytesRead: number;
  bytesTotal: number;
}

export interface ImportOptions {
  /** Format name for every file (see FORMAT_NAMES); default: detected per file. */
  format?: string;
  /** Papers per store transaction; default 500, 1–10000. */
  batchSize?: number;
  /** Called about every 200 ms while reading and once at the end of each file. */
  onProgress?: (p: ImportProgress) => void;
  /** Called for every issue as it happens (the summary keeps at most `maxIssues`). */
  onIssue?: (issue: Issue) => void;
  /** Issues kept in the summary; default 1000, 0–1000000. Later ones only count. */
  maxIssues?: number;
}

export interface ImportSummary {
  /** Files named (including missing ones). */
  files: number;
  read: number;
  /** New papers. */
  imported: number;
  /** Stored papers replaced by a newer version or changed metadata. */
  updated: number;
  /** Identical to the stored paper, or an older version (never overwrites). */
  unchanged: number;
  /** Stored papers removed by OAI-PMH deletions. */
  deleted: number;
  /** Records that could not be stored: unreadable, or from a format without arXiv ids. */
  skipped: number;
  /** Records read but not stored because the store failed (each one is an issue); then the import stopped. */
  notStored: number;
  /** Why the import stopped before the end (the store failed), naming where; null when it read everything. */
  stopped: string | null;
  issues: Issue[];
  /** All issues, including those beyond `maxIssues`. */
  issueCount: number;
  /** Newest record datestamp read (Kaggle `update_date`), "YYYY-MM-DD"; null when none had one. */
  newestDatestamp: string | null;
  seconds: number;
}
