/**
 * Builds the related-papers dev set, a BEIR-shaped folder (corpus.jsonl, queries.jsonl,
 * qrels/test.tsv) for `paperfeed eval DIR --task related`, from real arXiv listings.
 *
 *   node --import tsx bench/related-devset/build.ts [--listings FILE] [--out DIR] [--docs N] [--queries N] [--seed N]
 *       [--sample DIR --sample-queries N --sample-docs N]
 *
 * Defaults: the shared `daily_arxiv_listings.jsonl.gz` (see bench/paths.ts), out
 * bench/out/related-devset, 20,000 papers, 500 queries, seed 1. `--sample` also writes a small
 * set drawn from it (default 50 queries, their judged papers, other papers up to 1,200 in all;
 * corpus gzipped): test/fixtures/related-devset is one.
 *
 * What a judgement says: two papers are related when they share at least two authors (the same
 * group, usually on the same line of work); sharing also a category makes it grade 2, else 1.
 * Queries are papers with at most 20 authors (large collaborations share names for other
 * reasons) and at least one related paper in the corpus; a query's id is a corpus id, and
 * `--task related` uses that paper's own title and abstract as the query. The corpus keeps only
 * titles and abstracts, so no ranker can see the authors that made the judgements.
 *
 * What it measures: whether "papers like this one" surfaces a group's other papers from their
 * words. What it cannot: related work by other groups is judged not relevant (absolute figures
 * are low and say little alone — compare rankers on the same set); a group's papers on an
 * unrelated topic count as relevant; two different people of the same name can be one "author".
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { readListing } from "../../src/ingest/readers/listing.js";
import type { Paper } from "../../src/core/paper.js";
import { OUT_DIR, arxivDataDir } from "../paths.js";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const listings = arg("listings", path.join(arxivDataDir(), "daily_arxiv_listings.jsonl.gz"));
const out = arg("out", path.join(OUT_DIR, "related-devset"));
const docCount = Number(arg("docs", "20000"));
const queryCount = Number(arg("queries", "500"));
const seed = Number(arg("seed", "1"));
const MAX_AUTHORS = 20;
const MIN_SHARED_AUTHORS = 2;

/** A small deterministic generator (mulberry32), so a seed always gives the same set. */
function random(s: number) {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const all: Paper[] = [];
for await (const item of readListing(listings)) if (item.kind === "paper" && item.paper.abstract.trim()) all.push(item.paper);
const rand = random(seed);
// Sample the corpus: a seeded shuffle, then the first docCount.
for (let i = all.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [all[i], all[j]] = [all[j]!, all[i]!];
}
const corpus = all.slice(0, docCount).sort((a, b) => a.id.localeCompare(b.id));
const nameOf = (a: Paper["authors"][number]) => a.name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
const byAuthor = new Map<string, number[]>();
corpus.forEach((p, i) => {
  for (const name of new Set(p.authors.map(nameOf))) byAuthor.set(name, [...(byAuthor.get(name) ?? []), i]);
});

const judged: Array<{ query: number; related: Map<number, number> }> = [];
corpus.forEach((p, i) => {
  if (p.authors.length > MAX_AUTHORS) return;
  const shared = new Map<number, number>();
  for (const name of new Set(p.authors.map(nameOf))) for (const j of byAuthor.get(name) ?? []) if (j !== i) shared.set(j, (shared.get(j) ?? 0) + 1);
  const related = new Map<number, number>();
  for (const [j, n] of shared) {
    if (n < MIN_SHARED_AUTHORS || corpus[j]!.authors.length > MAX_AUTHORS) continue;
    related.set(j, corpus[j]!.categories.some((c) => p.categories.includes(c)) ? 2 : 1);
  }
  if (related.size > 0) judged.push({ query: i, related });
});
for (let i = judged.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [judged[i], judged[j]] = [judged[j]!, judged[i]!];
}
const queries = judged.slice(0, queryCount).sort((a, b) => a.query - b.query);

/** Writes one BEIR folder: these corpus papers (indexes into corpus) and these judged queries. */
function write(dir: string, docs: number[], judgedQueries: typeof queries, gzip: boolean) {
  fs.mkdirSync(path.join(dir, "qrels"), { recursive: true });
  const line = (o: object) => `${JSON.stringify(o)}\n`;
  const corpusText = docs.map((i) => line({ _id: corpus[i]!.id, title: corpus[i]!.title, text: corpus[i]!.abstract })).join("");
  if (gzip) fs.writeFileSync(path.join(dir, "corpus.jsonl.gz"), zlib.gzipSync(corpusText, { level: 9 }));
  else fs.writeFileSync(path.join(dir, "corpus.jsonl"), corpusText);
  fs.writeFileSync(path.join(dir, "queries.jsonl"), judgedQueries.map(({ query }) => line({ _id: corpus[query]!.id, text: `${corpus[query]!.title}\n${corpus[query]!.abstract}` })).join(""));
  const rows = ["query-id\tcorpus-id\tscore", ...judgedQueries.flatMap(({ query, related }) => [...related].map(([j, grade]) => `${corpus[query]!.id}\t${corpus[j]!.id}\t${grade}`))];
  fs.writeFileSync(path.join(dir, "qrels", "test.tsv"), `${rows.join("\n")}\n`);
  return rows.length - 1;
}
const judgements = write(out, corpus.map((_, i) => i), queries, false);
const sampleDir = arg("sample", "");
if (sampleDir) {
  const picked = queries.slice();
  for (let i = picked.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [picked[i], picked[j]] = [picked[j]!, picked[i]!];
  }
  const sampled = picked.slice(0, Number(arg("sample-queries", "50"))).sort((a, b) => a.query - b.query);
  const keep = new Set(sampled.flatMap(({ query, related }) => [query, ...related.keys()]));
  const others = corpus.map((_, i) => i).filter((i) => !keep.has(i));
  for (let i = others.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [others[i], others[j]] = [others[j]!, others[i]!];
  }
  for (const i of others.slice(0, Math.max(0, Number(arg("sample-docs", "1200")) - keep.size))) keep.add(i);
  write(sampleDir, [...keep].sort((a, b) => a - b), sampled, true);
}
process.stdout.write(`${out}: ${corpus.length} papers, ${queries.length} queries (of ${judged.length} with a related paper), ${judgements} judgements\n`);
