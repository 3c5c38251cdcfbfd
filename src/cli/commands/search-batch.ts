/**
 * Batch mode: BEIR-style queries ({"_id", "text"} per line) in, a TREC run out
 * (`qid Q0 docid rank score run`, the format trec_eval, ir_measures and pytrec_eval read).
 */
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { PaperfeedError, messageOf } from "../../core/errors.js";
import type { SearchEngine, SearchHit } from "../../search/types.js";

/** The engine returns at most this many hits per request, so deeper runs page. */
const PAGE = 200;

export async function searchBatch(
  engine: SearchEngine,
  file: string,
  options: { top: number; runName: string },
): Promise<void> {
  const runName = options.runName.replace(/\s+/g, "_");
  let lineNumber = 0;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === "") continue;
    const where = `${basename(file)} line ${lineNumber}`;
    const { qid, text } = parseQuery(line, where);
    let hits: SearchHit[];
    try {
      hits = topHits(engine, text, options.top);
    } catch (error) {
      // One query the engine rejects should not cost the whole run; say which one was left out.
      process.stderr.write(`paperfeed: ${where} (query ${qid}): skipped: ${messageOf(error)}\n`);
      continue;
    }
    const out = hits.map((hit, i) => `${qid} Q0 ${hit.id} ${i + 1} ${formatScore(hit.score)} ${runName}\n`);
    process.stdout.write(out.join(""));
  }
}

function parseQuery(line: string, where: string): { qid: string; text: string } {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    throw new PaperfeedError("cli", "bad_queries", `${where}: invalid JSON`);
  }
  const { _id, text } = (record ?? {}) as { _id?: unknown; text?: unknown };
  const qid = typeof _id === "number" ? String(_id) : _id;
  if (typeof qid !== "string" || !/^\S+$/.test(qid)) {
    throw new PaperfeedError("cli", "bad_queries", `${where}: "_id" must be a string without spaces`);
  }
  if (typeof text !== "string")
    throw new PaperfeedError("cli", "bad_queries", `${where}: "text" must be a string`);
  return { qid, text };
}

function topHits(engine: SearchEngine, q: string, top: number): SearchHit[] {
  const hits: SearchHit[] = [];
  while (hits.length < top) {
    const page = engine.search({
      q,
      limit: Math.min(PAGE, top - hits.length),
      offset: hits.length,
      sort: "relevance",
    });
    hits.push(...page.hits);
    if (page.hits.length === 0 || hits.length >= page.total) break;
  }
  return hits;
}

/** Enough digits that distinct scores stay distinct; evaluators re-sort by score. */
const formatScore = (score: number) => (Number.isInteger(score) ? String(score) : score.toFixed(6));
