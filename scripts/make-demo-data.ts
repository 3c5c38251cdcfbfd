/**
 * Builds data/demo/papers.jsonl.gz, the demo library: the latest listing days of real arXiv daily
 * listings (CC0 metadata), plus astro-ph and a mix of other fields for variety, in the daily-listing JSON-lines format the importer reads.
 *
 *   node --import tsx scripts/make-demo-data.ts [SOURCE_DIR] [--out FILE]
 *
 * SOURCE_DIR (default ../shared/data/arxiv) holds daily_arxiv_listings.jsonl.gz and, for variety
 * beyond computer science, daily_arxiv_listings_astro-ph.jsonl.gz and _cs-misc.jsonl.gz. Each file
 * is read twice (count papers per day, then keep the latest days), so memory stays small. Only
 * records that make valid Papers are kept; the output is sorted and gzip has no timestamp, so the
 * same input always gives the same bytes.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { makePaper } from "../src/core/make-paper.js";
import type { RawRecord } from "../src/ingest/fields.js";
import { readJsonObjects } from "../src/ingest/readers/jsonl.js";
import { listingInput } from "../src/ingest/readers/listing.js";

/** Source file and how many of its most recent papers (whole listing days) to keep. */
const SLICES = [
  { file: "daily_arxiv_listings.jsonl.gz", papers: 3600 },
  { file: "daily_arxiv_listings_astro-ph.jsonl.gz", papers: 500 },
  { file: "daily_arxiv_listings_cs-misc.jsonl.gz", papers: 500 },
];
/** The fields the listing reader uses; the pdf/abs URLs are derivable from the id. */
const KEEP = ["id", "title", "authors", "categories", "comment", "summary", "listing_date"] as const;
const MAX_BYTES = 5 * 1024 * 1024;

async function* validRecords(file: string): AsyncGenerator<RawRecord> {
  for await (const item of readJsonObjects(file)) {
    if (item.kind === "error") throw new Error(item.reason);
    if (item.kind !== "object") continue;
    try {
      makePaper(listingInput(item.value));
      yield item.value;
    } catch {
      // Records that cannot become papers are not demo material.
    }
  }
}

/**
 * The latest days up to `until` whose papers together reach `wanted`, never splitting a day.
 * The extra sources run past the main one; cutting them at its last day keeps the demo's
 * "today" a full listing day rather than a day with a handful of astro-ph papers.
 */
async function latestDays(file: string, wanted: number, until: string): Promise<Set<string>> {
  const perDay = new Map<string, number>();
  for await (const record of validRecords(file)) {
    const day = String(record.listing_date);
    if (day <= until) perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const days = new Set<string>();
  let total = 0;
  for (const day of [...perDay.keys()].sort().reverse()) {
    if (total >= wanted) break;
    days.add(day);
    total += perDay.get(day)!;
  }
  return days;
}

async function main() {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf("--out");
  const out = outIndex >= 0 ? args.splice(outIndex, 2)[1]! : "data/demo/papers.jsonl.gz";
  const sourceDir = args[0] ?? "../shared/data/arxiv";
  const byId = new Map<string, Record<string, unknown>>();
  let until = "9999-12-31";
  for (const slice of SLICES) {
    const file = join(sourceDir, slice.file);
    const days = await latestDays(file, slice.papers, until);
    if (until === "9999-12-31") until = [...days].sort().at(-1) ?? until;
    let kept = 0;
    for await (const record of validRecords(file)) {
      if (!days.has(String(record.listing_date))) continue;
      const slim = Object.fromEntries(KEEP.map((key) => [key, record[key] ?? null]));
      const seen = byId.get(String(record.id));
      // A paper listed in two sources keeps its earliest listing day.
      if (!seen || String(seen.listing_date) > String(slim.listing_date)) byId.set(String(record.id), slim);
      kept++;
    }
    console.log(
      `${slice.file}: ${kept} papers from ${days.size} days (${[...days].sort()[0]} to ${[...days].sort().at(-1)})`,
    );
  }
  const records = [...byId.values()].sort(
    (a, b) =>
      String(a.listing_date).localeCompare(String(b.listing_date)) ||
      String(a.id).localeCompare(String(b.id)),
  );
  const gz = gzipSync(records.map((r) => JSON.stringify(r)).join("\n") + "\n", { level: 9 });
  if (gz.length > MAX_BYTES)
    throw new Error(`demo data would be ${gz.length} bytes, over the ${MAX_BYTES} limit`);
  writeFileSync(out, gz);
  console.log(`${out}: ${records.length} papers, ${(gz.length / 1e6).toFixed(2)} MB`);
}

main().catch((e: unknown) => {
  console.error(`make-demo-data: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
