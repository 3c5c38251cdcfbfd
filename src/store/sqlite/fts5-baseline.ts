/**
 * SQLite FTS5 as a reference engine: what a plain full-text index gives, to compare our own
 * engine against in `paperfeed eval` and `npm run bench`. Never used by the product itself.
 *
 * One contentless FTS5 table (tokenizer `porter unicode61`, columns title and abstract) in a
 * temporary SQLite file, ranked by `bm25(fts, 2.0, 1.0)` (title counts twice). A side table maps
 * FTS rowids back to document ids. Queries are free text turned into an OR of quoted tokens, so no
 * input can raise an FTS5 syntax error.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { PaperfeedError } from "../../core/errors.js";

/** A document as the baseline sees it: an id, a title and a body text (the abstract). */
export interface BaselineDoc {
  docId: string;
  title: string;
  text: string;
}

export interface BaselineHit {
  docId: string;
  /** bm25 score made positive: higher is better. */
  score: number;
}

export interface Fts5BaselineOptions {
  /** Directory to create the temporary database in. Default: the OS temp dir. */
  dir?: string;
  /** Rows per insert transaction; default 10,000, 1–1,000,000. */
  batchSize?: number;
}

export interface Fts5Baseline {
  /** Path of the SQLite file (removed by `close`). */
  readonly path: string;
  /** Documents indexed so far. */
  readonly size: number;
  /** Adds documents; ids must be unique across all calls. */
  add(docs: Iterable<BaselineDoc>): void;
  /** Merges the index segments into one (`optimize`), as a tuned deployment would. */
  optimize(): void;
  /** Top-`limit` documents for free text, best first; empty for a query without tokens. */
  search(query: string, limit: number): BaselineHit[];
  /** Bytes of the database file on disk. */
  fileBytes(): number;
  /** Closes the database and deletes its temporary directory. */
  close(): void;
}

/** Word tokens as unicode61 sees them: runs of letters and digits. */
const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * Turns free text into an FTS5 query that can never be a syntax error: each token quoted, joined
 * with OR. Returns null when the text has no tokens (FTS5 rejects an empty MATCH).
 */
export function toFts5Query(text: string): string | null {
  const tokens = [...new Set(text.toLowerCase().match(TOKEN) ?? [])];
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t}"`).join(" OR ");
}

export function createFts5Baseline(options: Fts5BaselineOptions = {}): Fts5Baseline {
  const batchSize = options.batchSize ?? 10_000;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1_000_000) {
    throw new PaperfeedError(
      "store",
      "bad_option",
      `fts5 baseline: batchSize ${batchSize} is not in 1–1,000,000`,
    );
  }
  const dir = fs.mkdtempSync(path.join(options.dir ?? os.tmpdir(), "paperfeed-fts5-"));
  const file = path.join(dir, "fts5.db");
  const db = new Database(file);
  // A throwaway file: durability buys nothing here and would only slow the build down.
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.exec(`
    CREATE VIRTUAL TABLE fts USING fts5(title, abstract, content='', tokenize='porter unicode61');
    CREATE TABLE ids (rowid INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE);
  `);
  const insertText = db.prepare("INSERT INTO fts (rowid, title, abstract) VALUES (?, ?, ?)");
  const insertId = db.prepare("INSERT INTO ids (rowid, doc_id) VALUES (?, ?)");
  const query = db.prepare(`
    SELECT ids.doc_id AS docId, -top.score AS score
    FROM (SELECT rowid, bm25(fts, 2.0, 1.0) AS score FROM fts WHERE fts MATCH ? ORDER BY score LIMIT ?) AS top
    JOIN ids ON ids.rowid = top.rowid
    ORDER BY top.score, top.rowid`);
  let size = 0;
  const insertBatch = db.transaction((batch: BaselineDoc[]) => {
    for (const doc of batch) {
      size++;
      insertText.run(size, doc.title, doc.text);
      insertId.run(size, doc.docId);
    }
  });

  return {
    path: file,
    get size() {
      return size;
    },
    add(docs) {
      let batch: BaselineDoc[] = [];
      for (const doc of docs) {
        batch.push(doc);
        if (batch.length >= batchSize) {
          insertBatch(batch);
          batch = [];
        }
      }
      if (batch.length > 0) insertBatch(batch);
    },
    optimize() {
      db.exec("INSERT INTO fts (fts) VALUES ('optimize')");
    },
    search(text, limit) {
      const match = toFts5Query(text);
      if (match === null || limit <= 0) return [];
      return query.all(match, limit) as BaselineHit[];
    },
    fileBytes() {
      return fs.statSync(file).size;
    },
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
