/** Helpers shared by the ingest tests: fixture paths and draining a reader into arrays. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Paper } from "../core/paper.js";
import type { IngestItem } from "./items.js";

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/ingest/", import.meta.url));

/** Path of a file under test/fixtures/ingest/. */
export const fixture = (name: string) => join(FIXTURES, name);

/** A fresh temporary directory for files a test writes. */
export const tempDir = () => mkdtempSync(join(tmpdir(), "paperfeed-ingest-"));

/**
 * Two damaged files written to `dir`: the Kaggle fixture with an invalid JSON line as line 51,
 * and the listing fixture's gzip cut after its first third.
 */
export function writeDamagedFiles(dir: string): { badLine: string; cut: string } {
  const badLine = join(dir, "bad-line.jsonl");
  const lines = readFileSync(fixture("kaggle-first200.jsonl"), "utf8").split("\n");
  lines.splice(50, 0, "{not json");
  writeFileSync(badLine, lines.join("\n"));
  const cut = join(dir, "cut.jsonl.gz");
  const gz = readFileSync(fixture("listing-first300.jsonl.gz"));
  writeFileSync(cut, gz.subarray(0, Math.floor(gz.length / 3)));
  return { badLine, cut };
}

export interface Drained {
  papers: Paper[];
  deletes: string[];
  errors: Array<Extract<IngestItem, { kind: "error" }>>;
  items: IngestItem[];
}

export async function drain(items: AsyncIterable<IngestItem>): Promise<Drained> {
  const out: Drained = { papers: [], deletes: [], errors: [], items: [] };
  for await (const item of items) {
    out.items.push(item);
    if (item.kind === "paper") out.papers.push(item.paper);
    else if (item.kind === "delete") out.deletes.push(item.id);
    else out.errors.push(item);
  }
  return out;
}

/** The paper with this id, or a thrown error naming it (keeps assertions short). */
export function paperById(papers: readonly Paper[], id: string): Paper {
  const paper = papers.find((p) => p.id === id);
  if (!paper) throw new Error(`test: paper ${id} not among ${papers.length} papers`);
  return paper;
}
