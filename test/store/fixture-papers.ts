/**
 * Real papers for the store tests: the first five records of the Kaggle arXiv snapshot
 * (test/fixtures/store/kaggle-first5.jsonl), turned into Papers with `makePaper`. Only the fields
 * the store cares about are mapped; the ingest readers own the full Kaggle format.
 */
import { readFileSync } from "node:fs";
import { authorsFromParsed } from "../../src/core/authors.js";
import { makePaper } from "../../src/core/make-paper.js";
import type { Paper, PaperInput } from "../../src/core/paper.js";

interface KaggleRecord {
  id: string;
  submitter: string | null;
  title: string;
  abstract: string;
  categories: string;
  comments: string | null;
  doi: string | null;
  "journal-ref": string | null;
  license: string | null;
  versions: Array<{ version: string; created: string }>;
  authors_parsed: string[][];
}

function toInput(record: KaggleRecord): PaperInput {
  return {
    id: record.id,
    title: record.title,
    abstract: record.abstract,
    authors: authorsFromParsed(record.authors_parsed),
    categories: record.categories.split(" "),
    versions: record.versions.map((v) => ({ version: Number(v.version.slice(1)), date: new Date(v.created).toISOString() })),
    submitter: record.submitter,
    comments: record.comments,
    doi: record.doi,
    journalRef: record["journal-ref"],
    license: record.license,
  };
}

const url = new URL("../fixtures/store/kaggle-first5.jsonl", import.meta.url);
const inputs: PaperInput[] = readFileSync(url, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => toInput(JSON.parse(line) as KaggleRecord));

/** The five fixture papers (0704.0001–0704.0005), announced 2007-03-31 … 2007-04-02. */
export const fixturePapers = (): Paper[] => inputs.map(makePaper);

/** A new-style id for synthetic test rows: 2401.00001 + n. */
export const testId = (n: number) => `2401.${String(n).padStart(5, "0")}`;

/**
 * A real fixture paper (chosen by n) under id `testId(n)`, with the given overrides applied after
 * makePaper; use it when a test needs many papers or specific days and versions.
 */
export function paperLike(n: number, overrides: Partial<Paper> = {}): Paper {
  const base = makePaper({ ...inputs[n % inputs.length]!, id: testId(n) });
  return { ...base, ...overrides };
}
