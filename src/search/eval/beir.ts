/**
 * Reads a data set in BEIR layout: `corpus.jsonl` (or `.jsonl.gz`) with `{_id, title, text}`,
 * `queries.jsonl` with `{_id, text}`, and `qrels/<split>.tsv` with a header line and rows
 * `query-id <TAB> corpus-id <TAB> score`. The corpus and JSON lines go through the ingest readers;
 * every problem names the file and line.
 */
import fs from "node:fs";
import path from "node:path";
import { PaperfeedError } from "../../core/errors.js";
import { readLines } from "../../ingest/lines.js";
import { readBeirCorpus, type BeirDoc } from "../../ingest/readers/beir.js";
import { readJsonObjects } from "../../ingest/readers/jsonl.js";
import { openSource } from "../../ingest/source.js";
import type { Judgements } from "./metrics.js";

export type { BeirDoc };
export type Qrels = ReadonlyMap<string, Judgements>;

/** Splits tried in order when none is asked for. */
const DEFAULT_SPLITS = ["test", "dev", "train"];

const fail = (id: string, message: string) => new PaperfeedError("search", id, `eval: ${message}`);

function firstExisting(dir: string, names: string[]): string | null {
  return names.map((name) => path.join(dir, name)).find((file) => fs.existsSync(file)) ?? null;
}

/** The corpus, one document at a time. */
export function readCorpus(dir: string): AsyncGenerator<BeirDoc> {
  const file = firstExisting(dir, ["corpus.jsonl", "corpus.jsonl.gz"]);
  if (!file) throw fail("beir_missing_file", `${dir}: no corpus.jsonl or corpus.jsonl.gz`);
  return readBeirCorpus(file);
}

/** Query id → query text. */
export async function readQueries(dir: string): Promise<Map<string, string>> {
  const file = firstExisting(dir, ["queries.jsonl", "queries.jsonl.gz"]);
  if (!file) throw fail("beir_missing_file", `${dir}: no queries.jsonl`);
  const queries = new Map<string, string>();
  for await (const item of readJsonObjects(file)) {
    if (item.kind === "error") throw fail("beir_bad_query", item.reason.replace(/^ingest: /, ""));
    if (item.kind !== "object") continue;
    const { _id: id, text } = item.value;
    if (typeof id !== "string")
      throw fail("beir_bad_query", `${path.basename(file)} line ${item.line}: no "_id" field`);
    queries.set(id, typeof text === "string" ? text : "");
  }
  return queries;
}

/** The split to use: `split` when given (it must exist), else test, dev or train, first found. */
export function chooseSplit(dir: string, split?: string): string {
  const qrelsDir = path.join(dir, "qrels");
  if (split) {
    if (!fs.existsSync(path.join(qrelsDir, `${split}.tsv`)))
      throw fail("beir_missing_file", `${dir}: no qrels/${split}.tsv`);
    return split;
  }
  const found = DEFAULT_SPLITS.find((s) => fs.existsSync(path.join(qrelsDir, `${s}.tsv`)));
  if (!found) throw fail("beir_missing_file", `${dir}: no qrels/test.tsv, dev.tsv or train.tsv`);
  return found;
}

const INTEGER = /^-?\d+$/;

/** Query id → (document id → grade) from `qrels/<split>.tsv`. */
export async function readQrels(dir: string, split: string): Promise<Map<string, Map<string, number>>> {
  const qrels = new Map<string, Map<string, number>>();
  for await (const { line, text } of readLines(await openSource(path.join(dir, "qrels", `${split}.tsv`)))) {
    const [queryId, docId, grade = ""] = text.split("\t").map((s) => s.trim());
    if (line === 1 && !INTEGER.test(grade)) continue; // header line
    if (!queryId || !docId || !INTEGER.test(grade)) {
      throw fail(
        "beir_bad_qrels",
        `qrels/${split}.tsv line ${line}: expected query-id, corpus-id and an integer score`,
      );
    }
    let judged = qrels.get(queryId);
    if (!judged) qrels.set(queryId, (judged = new Map()));
    judged.set(docId, Number(grade));
  }
  return qrels;
}
