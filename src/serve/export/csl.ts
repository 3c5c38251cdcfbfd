/**
 * CSL-JSON (the Citation Style Language's data format, read by Zotero, pandoc and citeproc):
 * `article-journal` once a paper has a journal reference or DOI, else `article` (CSL's type for
 * preprints, with `number` = the arXiv id), `publisher` = arXiv.
 */
import type { Paper } from "../../core/paper.js";
import { isEtAl, splitName } from "./names.js";

export interface CslName {
  family?: string;
  given?: string;
  suffix?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: "article" | "article-journal";
  title: string;
  author: CslName[];
  issued: { "date-parts": [[number, number, number]] };
  abstract: string;
  URL: string;
  DOI?: string;
  "container-title"?: string;
  publisher: string;
  number?: string;
  genre?: string;
  keyword: string;
  note?: string;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

function cslName(author: Paper["authors"][number]): CslName {
  const name = splitName(author);
  if ("literal" in name) return { literal: name.literal };
  return { family: name.family, ...(name.given ? { given: name.given } : {}), ...(name.suffix ? { suffix: name.suffix } : {}) };
}

export function cslItem(paper: Paper): CslItem {
  const [y, m, d] = (paper.submitted ?? paper.announced).slice(0, 10).split("-").map(Number) as [number, number, number];
  const published = Boolean(paper.journalRef || paper.doi);
  return {
    id: `arXiv:${paper.id}`,
    type: published ? "article-journal" : "article",
    title: oneLine(paper.title),
    author: paper.authors.filter((a) => !isEtAl(a)).map(cslName),
    issued: { "date-parts": [[y, m, d]] },
    abstract: oneLine(paper.abstract),
    URL: `https://arxiv.org/abs/${paper.id}`,
    ...(paper.doi ? { DOI: paper.doi } : {}),
    ...(paper.journalRef ? { "container-title": oneLine(paper.journalRef) } : {}),
    publisher: "arXiv",
    // A journal article's number would print as its article number; the arXiv id is in `id` and URL.
    ...(published ? {} : { number: paper.id, genre: "Preprint" }),
    keyword: paper.categories.join(", "),
    ...(paper.comments ? { note: oneLine(paper.comments) } : {}),
  };
}

export const toCslJson = (papers: readonly Paper[]) => `${JSON.stringify(papers.map(cslItem), null, 2)}\n`;
