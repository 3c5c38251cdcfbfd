/**
 * RIS records (the tagged format reference managers import): `JOUR` once a paper has a journal
 * reference or DOI, else `UNPB` (unpublished work, as preprints are exported). Tags are "XX  - ",
 * lines end in CRLF, every record ends with "ER  - ".
 */
import type { Paper } from "../../core/paper.js";
import { isEtAl, splitName } from "./names.js";

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

function risAuthor(author: Paper["authors"][number]): string {
  const name = splitName(author);
  if ("literal" in name) return name.literal;
  return [name.family, name.given, name.suffix].filter((p) => p).join(", ");
}

/** "2024-01-02T…" → "2024/01/02/" */
const risDate = (iso: string) => `${iso.slice(0, 10).replace(/-/g, "/")}/`;

export function risRecord(paper: Paper): string {
  const published = Boolean(paper.journalRef || paper.doi);
  const date = paper.submitted ?? paper.announced;
  const tags: Array<[string, string | null]> = [
    ["TY", published ? "JOUR" : "UNPB"],
    ...paper.authors.filter((a) => !isEtAl(a)).map((a): [string, string] => ["AU", risAuthor(a)]),
    ["TI", oneLine(paper.title)],
    ["AB", oneLine(paper.abstract)],
    ["PY", date.slice(0, 4)],
    ["DA", risDate(date)],
    ["JO", paper.journalRef ? oneLine(paper.journalRef) : null],
    ["DO", paper.doi],
    ["UR", `https://arxiv.org/abs/${paper.id}`],
    ["AN", `arXiv:${paper.id}`],
    ...paper.categories.map((c): [string, string] => ["KW", c]),
    ["N1", paper.comments ? oneLine(paper.comments) : null],
    ["PB", "arXiv"],
  ];
  const lines = tags.filter((t): t is [string, string] => Boolean(t[1])).map(([tag, value]) => `${tag}  - ${value}`);
  return `${[...lines, "ER  - "].join("\r\n")}\r\n`;
}

export const toRis = (papers: readonly Paper[]) => papers.map(risRecord).join("\r\n");
