/**
 * Reads a data set in BEIR layout: `corpus.jsonl` (or `.jsonl.gz`) with `{_id, title, text}`,
 * `queries.jsonl` with `{_id, text}`, and `qrels/<split>.tsv` with a header line and rows
 * `query-id <TAB> corpus-id <TAB> score`. Problems name the file and line.
 */
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import zlib from "node:zlib";
import { PaperfeedError } from "../../core/errors.js";
import type { Judgements } from "./metrics.js";

export interface BeirDoc {
  docId: string;
  title: string;
  text: string;
}

/** Splits tried in order when none is asked for. */
const DEFAULT_SPLITS = ["test", "dev", "train"];

const fail = (id: string, message: string) => new PaperfeedError("search", id, `eval: ${message}`);

function firstExisting(candidates: string[]): string | null {
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

/** Lines of a text file, gunzipped when its name ends in `.gz`; with 1-based line numbers. */
export async function* readLines(file: string): AsyncGenerator<{ line: string; number: number }> {
  const raw = fs.createReadStream(file);
  const input = file.endsWith(".gz") ? raw.pipe(zlib.createGunzip()) : raw;
  let number = 0;
  for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
    number++;
    if (line.trim()) yield { line, number };
  }
}

async function* readJsonl(file: string): AsyncGenerator<Record<string, unknown>> {
  const name = path.basename(file);
  for await (const { line, number } of readLines(file)) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw fail("beir_bad_json", `${name} line ${number}: invalid JSON`);
    }
    if (typeof value !== "object" || value === null || typeof (value as { _id?: unknown })._id !== "string") {
      throw fail("beir_bad_record", `${name} line ${number}: expected an object with a string "_id"`);
    }
    yield value as Record<string, unknown>;
  }
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** Path of the corpus file in `dir`; throws when there is none. */
export function corpusFile(dir: string): string {
  const file = firstExisting([path.join(dir, "corpus.jsonl"), path.join(dir, "corpus.jsonl.gz")]);
  if (!file) throw fail("beir_missing_file", `${dir}: no corpus.jsonl or corpus.jsonl.gz`);
  return file;
}

/** The corpus, one document at a time. */
export async function* readCorpus(dir: string): AsyncGenerator<BeirDoc> {
  for await (const record of readJsonl(corpusFile(dir))) {
    yield { docId: record._id as string, title: text(record.title), text: text(record.text) };
  }
}

/** Query id → query text. */
export async function readQueries(dir: string): Promise<Map<string, string>> {
  const file = firstExisting([path.join(dir, "queries.jsonl"), path.join(dir, "queries.jsonl.gz")]);
  if (!file) throw fail("beir_missing_file", `${dir}: no queries.jsonl`);
  const queries = new Map<string, string>();
  for await (const record of readJsonl(file)) queries.set(record._id as string, text(record.text));
  return queries;
}

/** The split to use: `split` when given (it must exist), else test, dev or train, first found. */
export function chooseSplit(dir: string, split?: string): string {
  const qrelsDir = path.join(dir, "qrels");
  if (split) {
    if (!fs.existsSync(path.join(qrelsDir, `${split}.tsv`))) throw fail("beir_missing_file", `${dir}: no qrels/${split}.tsv`);
    return split;
  }
  const found = DEFAULT_SPLITS.find((s) => fs.existsSync(path.join(qrelsDir, `${s}.tsv`)));
  if (!found) throw fail("beir_missing_file", `${dir}: no qrels/test.tsv, dev.tsv or train.tsv`);
  return found;
}

/** Query id → (document id → grade) from `qrels/<split>.tsv`. */
export async function readQrels(dir: string, split: string): Promise<Map<string, Map<string, number>>> {
  const file = path.join(dir, "qrels", `${split}.tsv`);
  const qrels = new Map<string, Map<string, number>>();
  for await (const { line, number } of readLines(file)) {
    const [queryId, docId, grade] = line.split("\t").map((s) => s.trim());
    if (number === 1 && !/^-?\d+$/.test(grade ?? "")) continue; // header line
    if (!queryId || !docId || !/^-?\d+$/.test(grade ?? "")) {
      throw fail("beir_bad_qrels", `qrels/${split}.tsv line ${number}: expected query-id, corpus-id and an integer score`);
    }
    let judged = qrels.get(queryId);
    if (!judged) qrels.set(queryId, (judged = new Map()));
    judged.set(docId, Number(grade));
  }
  return qrels;
}

export type Qrels = ReadonlyMap<string, Judgements>;
