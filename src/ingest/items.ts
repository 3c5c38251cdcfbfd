/**
 * What every reader yields. Readers never throw for bad data: a record that cannot become a Paper
 * is an "error" item with its position, and reading goes on with the next record.
 */
import { isPaperfeedError, messageOf } from "../core/errors.js";
import type { Paper } from "../core/paper.js";
import type { ByteMeter } from "./source.js";

/** Where in a file something was found. */
export interface Position {
  /** The path as given by the caller. */
  file: string;
  /** 1-based line (JSONL, and the line an XML record starts on). */
  line?: number;
  /** 1-based record index within the file (XML formats). */
  record?: number;
}

export type IngestItem =
  | {
      kind: "paper";
      paper: Paper;
      position: Position;
      /** The record's OAI datestamp where the format has one (Kaggle `update_date`), "YYYY-MM-DD". */
      datestamp?: string;
    }
  /** OAI-PMH `<header status="deleted">`: the paper was withdrawn from the archive. */
  | { kind: "delete"; id: string; position: Position }
  | {
      kind: "error";
      position: Position;
      /** Full message naming file and position, e.g. "ingest: x.jsonl line 12: invalid JSON". */
      reason: string;
      /**
       * "record": one record was unusable and skipped; reading went on.
       * "file": the file (or the rest of it) could not be read: a cut-off download, an OAI error
       * response, an HTML error page. No record is lost that was not already counted.
       */
      scope: "record" | "file";
    };

/**
 * A reader: one file in, items out, in file order. When a meter is given, the reader keeps its
 * bytesRead/bytesTotal current (file bytes, so compressed bytes for gzip).
 */
export type Reader = (file: string, meter?: ByteMeter) => AsyncGenerator<IngestItem>;

/** "x.jsonl line 12", "x.xml record 3 (line 40)", or just the file. */
export function formatPosition(p: Position): string {
  if (p.record !== undefined)
    return `${p.file} record ${p.record}${p.line !== undefined ? ` (line ${p.line})` : ""}`;
  if (p.line !== undefined) return `${p.file} line ${p.line}`;
  return p.file;
}

/** An error item whose message reads "ingest: <position>: <what>". */
export function recordError(position: Position, what: string): IngestItem {
  return { kind: "error", position, reason: `ingest: ${formatPosition(position)}: ${what}`, scope: "record" };
}

export function fileError(position: Position, reason: string): IngestItem {
  return { kind: "error", position, reason, scope: "file" };
}

/** Message of an error without its "component: " prefix, for embedding after a position. */
export function bareMessage(e: unknown): string {
  return isPaperfeedError(e) ? e.message.slice(e.component.length + 2) : messageOf(e);
}
