/**
 * BEIR corpora (`corpus.jsonl[.gz]`: {_id, title, text}), used to evaluate search quality. Their
 * documents are not arXiv papers and have no arXiv ids, so they are never stored: a synthetic id
 * in the library would link to an unrelated arXiv page. Evaluation code reads them here and, when
 * it needs Paper objects for an in-memory index, maps them with `beirDocToPaper`.
 */
import { PaperfeedError } from "../../core/errors.js";
import { makePaper } from "../../core/make-paper.js";
import type { Paper } from "../../core/paper.js";
import { str } from "../fields.js";
import { readJsonObjects } from "./jsonl.js";

export interface BeirDoc {
  /** BEIR's own document id (`_id`), as the qrels files name it. */
  docId: string;
  title: string;
  text: string;
}

/** Documents in file order. Throws a PaperfeedError naming file and line on a bad line. */
export async function* readBeirCorpus(file: string): AsyncGenerator<BeirDoc> {
  for await (const item of readJsonObjects(file)) {
    if (item.kind === "error")
      throw new PaperfeedError("ingest", "beir_bad_line", item.reason.replace(/^ingest: /, ""));
    if (item.kind !== "object") continue;
    const docId = str(item.value, "_id");
    if (!docId)
      throw new PaperfeedError("ingest", "beir_bad_line", `${file} line ${item.line}: no "_id" field`);
    yield { docId, title: str(item.value, "title") ?? "", text: str(item.value, "text") ?? "" };
  }
}

/** Old-style ids hold 999 papers a month; months count on from 1991-01 (100 years ≈ 1.2M docs). */
const PER_MONTH = 999;
const SYNTHETIC_ARCHIVE = "beir";

/**
 * A valid but synthetic arXiv id for the n-th (0-based) document: "beir/9101001", "beir/9101002", …
 * No real archive is called "beir", so these never collide with real papers. Evaluation only.
 */
export function beirSyntheticId(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= PER_MONTH * 12 * 100) {
    throw new PaperfeedError(
      "ingest",
      "beir_index",
      `document index ${index} is outside 0–${PER_MONTH * 1200 - 1}`,
    );
  }
  const month = Math.floor(index / PER_MONTH);
  const yy = (91 + Math.floor(month / 12)) % 100;
  const mm = (month % 12) + 1;
  const nnn = (index % PER_MONTH) + 1;
  return `${SYNTHETIC_ARCHIVE}/${String(yy).padStart(2, "0")}${String(mm).padStart(2, "0")}${String(nnn).padStart(3, "0")}`;
}

/** A Paper for an in-memory evaluation index; `beirSyntheticId(index)` links it back to `docId`. */
export function beirDocToPaper(doc: BeirDoc, index: number): Paper {
  return makePaper({
    id: beirSyntheticId(index),
    title: doc.title || doc.docId,
    abstract: doc.text,
    authors: [],
    categories: [SYNTHETIC_ARCHIVE],
  });
}
