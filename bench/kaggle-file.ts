/**
 * The search bench's synthetic arXiv written as Kaggle's `arxiv-metadata-oai-snapshot.json`
 * (one JSON object a line), so `paperfeed import` reads it through the Kaggle reader exactly as
 * it reads the real snapshot. Text, authors, categories and dates come from the same generator
 * (corpus.ts); what Kaggle adds is laid out as the real file has it: title and abstract
 * hard-wrapped at about 80 columns (the abstract with its leading indentation), authors both as
 * a string and parsed, RFC 1123 version dates, and the sparse fields (DOI, journal-ref,
 * comments, later versions) on a share of records chosen from the paper's index.
 */
import fs from "node:fs";
import path from "node:path";
import type { Paper } from "../src/core/paper.js";
import type { CorpusGenerator } from "./corpus.js";
import { sizeLabel, writeLinesOnce } from "./corpus-file.js";

/** Kaggle wraps text at 80 columns; a continuation line of a title is indented by two spaces. */
function wrap(text: string, indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > 79) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

/** A share (in 1/1000) of records, chosen by index and a salt, the same for every run. */
const picked = (index: number, salt: number, perMille: number) =>
  (Math.imul(index ^ salt, 0x9e3779b1) >>> 0) % 1000 < perMille;

const rfc1123 = (day: string, hour: number) =>
  new Date(`${day}T${String(hour).padStart(2, "0")}:18:42Z`).toUTCString();

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** One Kaggle record for generated paper `index`. Shares follow the real snapshot roughly. */
export function kaggleRecord(paper: Paper, index: number): Record<string, unknown> {
  const versionCount = picked(index, 1, 350) ? (picked(index, 2, 300) ? 3 : 2) : 1;
  const versions = Array.from({ length: versionCount }, (_, v) => ({
    version: `v${v + 1}`,
    created: rfc1123(addDays(paper.announced, v * 45), 9 + v),
  }));
  const lastDay = addDays(paper.announced, (versionCount - 1) * 45);
  const names = paper.authors.map((a) => a.name);
  const hasDoi = picked(index, 3, 400);
  return {
    id: paper.id,
    submitter: names[0] ?? null,
    authors: names.length > 2 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names.join(" and "),
    title: wrap(paper.title, "  "),
    comments: picked(index, 4, 750) ? `${8 + (index % 30)} pages, ${index % 12} figures` : null,
    "journal-ref": hasDoi && picked(index, 5, 700) ? `Phys. Rev. D ${index % 110}, ${index % 99999} (2019)` : null,
    doi: hasDoi ? `10.1103/PhysRevD.${index % 110}.${index % 99999}` : null,
    "report-no": null,
    categories: paper.categories.join(" "),
    license: picked(index, 6, 600) ? "http://arxiv.org/licenses/nonexclusive-distrib/1.0/" : null,
    abstract: `  ${wrap(paper.abstract, "")}\n`,
    versions,
    update_date: lastDay,
    authors_parsed: names.map((name) => {
      const space = name.lastIndexOf(" ");
      return [name.slice(space + 1), name.slice(0, Math.max(0, space)), ""];
    }),
  };
}

export const kaggleFile = (dir: string, size: number, seed: number) =>
  path.join(dir, `kaggle-${sizeLabel(size)}-seed${seed}.json`);

/**
 * The Kaggle-format file of (size, seed) in `dir`, generated first when missing (under a
 * temporary name, renamed when complete). Returns its path.
 */
export async function ensureKaggleFile(
  generator: CorpusGenerator,
  dir: string,
  size: number,
  seed: number,
  onProgress: (written: number) => void = () => {},
): Promise<string> {
  const file = kaggleFile(dir, size, seed);
  if (!fs.existsSync(file)) {
    const lines = (function* () {
      let index = 0;
      for (const paper of generator.papers({ size, seed })) yield JSON.stringify(kaggleRecord(paper, index++));
    })();
    await writeLinesOnce(file, lines, onProgress);
  }
  return file;
}
