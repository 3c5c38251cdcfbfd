/**
 * Loads the real arXiv records in test/fixtures/search (Kaggle snapshot format) as Papers, for
 * search tests. Kept beside the tests rather than in src/ingest so the search tests do not depend
 * on a reader that is written separately.
 */
import { readFileSync } from "node:fs";
import { authorsFromParsed, makePaper, parseAuthorString, type Paper } from "../../core/index.js";

interface KaggleRecord {
  id: string;
  title: string;
  abstract: string;
  authors: string;
  authors_parsed?: string[][];
  categories: string;
  comments: string | null;
  versions: Array<{ version: string; created: string }>;
}

const FIXTURE = new URL("../../../test/fixtures/search/arxiv-first200.jsonl", import.meta.url);

export function loadFixturePapers(): Paper[] {
  return readFileSync(FIXTURE, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => {
      const r = JSON.parse(line) as KaggleRecord;
      return makePaper({
        id: r.id,
        title: r.title,
        abstract: r.abstract,
        authors: r.authors_parsed ? authorsFromParsed(r.authors_parsed) : parseAuthorString(r.authors),
        categories: r.categories.split(/\s+/),
        comments: r.comments,
        versions: r.versions.map((v) => ({ version: Number(v.version.slice(1)), date: new Date(v.created).toISOString() })),
      });
    });
}
