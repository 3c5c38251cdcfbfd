/**
 * BibTeX entries in the form arXiv and biblatex expect: `@misc` with `eprint`, `archivePrefix`
 * and `primaryClass` for preprints; `@article` (with `journal` = the journal reference and `doi`)
 * once the paper has a journal reference or DOI. Keys are "familyYEARword", made unique per file.
 */
import type { Paper } from "../../core/paper.js";
import { toBibtexText } from "./latex.js";
import { isEtAl, splitName } from "./names.js";

export const yearOf = (paper: Paper) => (paper.submitted ?? paper.announced).slice(0, 4);

const ascii = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();

function baseKey(paper: Paper): string {
  const first = paper.authors[0];
  const name = first ? splitName(first) : { literal: "arxiv" };
  const family = ascii("family" in name ? name.family : name.literal.split(/\s+/)[0]!) || "arxiv";
  const word = ascii(paper.title.replace(/\$[^$]*\$/g, " ").match(/[\p{L}]{4,}/u)?.[0] ?? "");
  return `${family}${yearOf(paper)}${word}`;
}

function bibAuthor(author: Paper["authors"][number]): string {
  if (isEtAl(author)) return "others";
  const name = splitName(author);
  if ("literal" in name) return `{${toBibtexText(name.literal)}}`;
  const family = toBibtexText(name.family);
  const protectedFamily = / /.test(name.family) ? `{${family}}` : family;
  const parts = [protectedFamily, name.suffix ? toBibtexText(name.suffix) : null, toBibtexText(name.given)].filter((p) => p);
  return parts.join(", ");
}

export function bibtexEntry(paper: Paper, key: string): string {
  const published = Boolean(paper.journalRef || paper.doi);
  const fields: Array<[string, string | null]> = [
    ["author", paper.authors.map(bibAuthor).join(" and ")],
    ["title", toBibtexText(paper.title)],
    ["year", yearOf(paper)],
    ["journal", paper.journalRef ? toBibtexText(paper.journalRef) : null],
    ["doi", paper.doi],
    ["eprint", paper.id],
    ["archivePrefix", "arXiv"],
    ["primaryClass", paper.primaryCategory],
    ["url", `https://arxiv.org/abs/${paper.id}`],
  ];
  const body = fields
    .filter((f): f is [string, string] => Boolean(f[1]))
    .map(([name, value]) => `  ${name} = {${value}}`)
    .join(",\n");
  return `@${published ? "article" : "misc"}{${key},\n${body}\n}\n`;
}

/** One BibTeX file; a key used twice gets a, b, c… appended. */
export function toBibtex(papers: readonly Paper[]): string {
  const used = new Map<string, number>();
  return papers
    .map((paper) => {
      const base = baseKey(paper);
      const n = used.get(base) ?? 0;
      used.set(base, n + 1);
      return bibtexEntry(paper, n === 0 ? base : `${base}${String.fromCharCode(96 + Math.min(n, 26))}${n > 26 ? n : ""}`);
    })
    .join("\n");
}
