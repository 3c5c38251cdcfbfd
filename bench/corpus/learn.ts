/**
 * Learns what real arXiv records look like, from the shared data folder's arXiv files: word
 * frequencies of titles and abstracts, title/abstract/author-list lengths, author names, category
 * lists (older and recent papers apart, since archives changed), how often abstracts link code,
 * and how much words repeat within one abstract. The corpus generator draws from this model.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArxivId } from "../../src/core/arxiv-id.js";
import { parseAuthorString } from "../../src/core/authors.js";
import { extractCodeLinks } from "../../src/core/code-links.js";
import { readJsonObjects } from "../../src/ingest/readers/jsonl.js";

/** [value, how many times it was seen], most frequent first. */
export type Counts<T> = Array<[T, number]>;

export interface CorpusModel {
  /** Files learned from, and how many records they held. */
  sources: Array<{ file: string; records: number }>;
  titleWords: Counts<string>;
  abstractWords: Counts<string>;
  titleLengths: Counts<number>;
  abstractLengths: Counts<number>;
  authorCounts: Counts<number>;
  forenames: Counts<string>;
  surnames: Counts<string>;
  /** Category lists joined by spaces, primary first: papers before 2010, and from 2010 on. */
  categoriesOld: Counts<string>;
  categoriesRecent: Counts<string>;
  /** Share of records whose abstract or comment links code (GitHub, GitLab, Hugging Face). */
  codeLinkRate: number;
  /** Mean of (distinct words / words) over abstracts of 20 words or more. */
  abstractDistinctRatio: number;
}

/** The arXiv files of the shared data folder that the model learns from, in the order read. */
export const SOURCE_FILES = [
  "daily_arxiv_listings.jsonl.gz",
  "daily_arxiv_listings_astro-ph.jsonl.gz",
  "daily_arxiv_listings_cs-misc.jsonl.gz",
  "kaggle_arxiv-metadata-oai-snapshot_first200.jsonl",
  "arxiv_browse_abs_records.jsonl",
  "quant-ph_oai_titles_abstracts_1992-2009_2016.jsonl.gz",
];

/** Words as the corpus writes them: lower-cased runs of letters and digits. */
export const WORDS = /[\p{L}\p{N}]+/gu;
export const wordsOf = (text: string) => text.toLowerCase().match(WORDS) ?? [];

class Counter<T> {
  readonly map = new Map<T, number>();
  add(value: T) {
    this.map.set(value, (this.map.get(value) ?? 0) + 1);
  }
  /** Most frequent first; ties in value order, so the model is the same on every run. */
  sorted(): Counts<T> {
    return [...this.map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
}

const asString = (value: unknown) => (typeof value === "string" ? value : "");

function authorNames(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  if (typeof value === "string" && value.trim()) return parseAuthorString(value).map((a) => a.name);
  return null;
}

function categoryList(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  if (typeof value === "string" && value.trim()) return value.trim().split(/\s+/);
  return null;
}

/** Learns from JSON-lines files of arXiv records (listings, Kaggle, .abs, OAI); missing files are skipped. */
export async function learnCorpusModel(files: readonly string[]): Promise<CorpusModel> {
  const c = {
    titleWords: new Counter<string>(),
    abstractWords: new Counter<string>(),
    titleLengths: new Counter<number>(),
    abstractLengths: new Counter<number>(),
    authorCounts: new Counter<number>(),
    forenames: new Counter<string>(),
    surnames: new Counter<string>(),
    categoriesOld: new Counter<string>(),
    categoriesRecent: new Counter<string>(),
  };
  const sources: CorpusModel["sources"] = [];
  let withCode = 0;
  let ratioSum = 0;
  let ratioCount = 0;
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    let records = 0;
    for await (const item of readJsonObjects(file)) {
      if (item.kind !== "object") continue;
      const record = item.value;
      records++;
      const title = wordsOf(asString(record.title));
      const abstractText = asString(record.summary) || asString(record.abstract);
      const abstract = wordsOf(abstractText);
      for (const w of title) c.titleWords.add(w);
      for (const w of abstract) c.abstractWords.add(w);
      if (title.length) c.titleLengths.add(title.length);
      if (abstract.length) c.abstractLengths.add(abstract.length);
      if (abstract.length >= 20) {
        ratioSum += new Set(abstract).size / abstract.length;
        ratioCount++;
      }
      if (
        extractCodeLinks(abstractText, asString(record.comment) || asString(record.comments)).some(
          (l) => l.kind !== "project",
        )
      )
        withCode++;
      const authors = authorNames(record.authors);
      if (authors?.length) {
        c.authorCounts.add(authors.length);
        for (const name of authors) {
          const parts = name.trim().split(/\s+/);
          if (parts.length < 2) continue;
          c.surnames.add(parts.at(-1)!);
          c.forenames.add(parts.slice(0, -1).join(" "));
        }
      }
      const categories = categoryList(record.categories);
      const yearMonth = parseArxivId(asString(record.id))?.yearMonth;
      if (categories?.length && yearMonth)
        (yearMonth < "2010" ? c.categoriesOld : c.categoriesRecent).add(categories.join(" "));
    }
    sources.push({ file: path.basename(file), records });
  }
  const total = sources.reduce((sum, s) => sum + s.records, 0);
  if (total === 0) throw new Error(`bench: no arXiv records in ${files.join(", ")}`);
  return {
    sources,
    titleWords: c.titleWords.sorted(),
    abstractWords: c.abstractWords.sorted(),
    titleLengths: c.titleLengths.sorted(),
    abstractLengths: c.abstractLengths.sorted(),
    authorCounts: c.authorCounts.sorted(),
    forenames: c.forenames.sorted(),
    surnames: c.surnames.sorted(),
    categoriesOld: c.categoriesOld.sorted(),
    categoriesRecent: c.categoriesRecent.sorted(),
    codeLinkRate: withCode / total,
    abstractDistinctRatio: ratioSum / Math.max(1, ratioCount),
  };
}
