/**
 * BEIR documents are not arXiv papers, but our engine indexes Papers. Each document becomes a
 * Paper with a synthetic, valid new-style arXiv id (the caller keeps the id ↔ doc mapping), its
 * title and text as title and abstract, and nothing else: no authors, one category, one fixed
 * date, so that only the words can influence the ranking. (The ingest's `beirDocToPaper` fills
 * an empty title with the document id and dates papers by id, and its ids stop at 1.2M documents;
 * several BEIR corpora are larger.)
 */
import type { Paper } from "../../core/paper.js";
import { PaperfeedError } from "../../core/errors.js";

/** Five-digit numbers run 00001–99999 per month, from 2015-01 (the first month that has them). */
const PER_MONTH = 99_999;
const FIRST_YEAR = 15;
/** 2015-01 … 2099-12. */
export const MAX_SYNTHETIC_IDS = (100 - FIRST_YEAR) * 12 * PER_MONTH;

/** The `index`-th synthetic id: 0 → "1501.00001", 99999 → "1502.00001". */
export function syntheticArxivId(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_SYNTHETIC_IDS) {
    throw new PaperfeedError(
      "search",
      "too_many_docs",
      `eval: document index ${index} is beyond the ${MAX_SYNTHETIC_IDS} synthetic ids`,
    );
  }
  const month = Math.floor(index / PER_MONTH);
  const yy = FIRST_YEAR + Math.floor(month / 12);
  const mm = (month % 12) + 1;
  const number = (index % PER_MONTH) + 1;
  return `${yy}${String(mm).padStart(2, "0")}.${String(number).padStart(5, "0")}`;
}

/** A Paper carrying only the document's words. */
export function documentAsPaper(id: string, title: string, text: string): Paper {
  return {
    id,
    version: 1,
    title,
    abstract: text,
    authors: [],
    categories: ["beir"],
    primaryCategory: "beir",
    submitted: null,
    updated: null,
    announced: "2020-01-01",
    versions: [],
    comments: null,
    journalRef: null,
    doi: null,
    license: null,
    reportNo: null,
    mscClass: null,
    acmClass: null,
    submitter: null,
    codeLinks: [],
  };
}

/** Free text reduced to its words, so no query-language operator (quotes, +, -, field:) applies. */
export function plainWords(text: string): string {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).join(" ").toLowerCase();
}
