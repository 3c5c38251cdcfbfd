/**
 * Events: what changed about a stored paper after it was first stored — a new version, a DOI or
 * journal reference added, a code link appearing, a withdrawal. `Store.upsertPapers` records them
 * in the transaction that writes the change (src/store/events/detect.ts decides which), so every
 * writer (imports, the harvester, on-demand fetches) produces them. A paper's first insert makes
 * none, and an event is stored once per (paper, kind, detail), so re-importing makes none either.
 */

export type PaperEventKind = "version" | "doi" | "journal_ref" | "code" | "withdrawn";
export const PAPER_EVENT_KINDS: readonly PaperEventKind[] = ["version", "doi", "journal_ref", "code", "withdrawn"];

export interface PaperEvent {
  /** Increases with every event stored. */
  id: number;
  paperId: string;
  kind: PaperEventKind;
  /**
   * What changed: "v3" for a version or a withdrawal (the version that withdrew it), the DOI, the
   * journal reference, the code link's URL.
   */
  detail: string;
  /** ISO-8601: the new version's date where the source gives it, else `recordedAt`. */
  date: string;
  /** ISO-8601: when this paperfeed stored the change. */
  recordedAt: string;
}

/** An event as the upsert rule finds it, before it is stored (date null: "when seen"). */
export interface DetectedEvent {
  kind: PaperEventKind;
  detail: string;
  date: string | null;
}

export interface PaperEventQuery {
  /** Only events recorded strictly after this ISO time; default: all. */
  since?: string;
  /** Max events; default 50, 1–1000. */
  limit?: number;
}
