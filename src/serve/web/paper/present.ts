/** Data for a paper's page: everything arXiv records about it, ready to print. */
import { absUrl, pdfUrl } from "../../../core/arxiv-id.js";
import type { CodeLink, Paper } from "../../../core/paper.js";
import { formatDay } from "../format.js";
import { hasMath, plainText } from "../math.js";
import { toBibtex } from "../../export/bibtex.js";
import { plainCitation } from "./citation.js";
import { licenseName } from "./license.js";
import type { RelatedPaperView } from "./related-present.js";
import type { RepoStars } from "../present/stars.js";
import type { ThumbnailView } from "../present/thumbnails.js";

export interface PaperView {
  /** The page's absolute address for <link rel="canonical"> (search engines want it absolute). */
  canonical?: string;
  id: string;
  version: number;
  title: string;
  authors: string[];
  abstractParagraphs: string[];
  /** Start of the abstract as plain text, for link previews. */
  description: string;
  categories: string[];
  /** Label/value rows of the facts table; values are plain text or links. */
  facts: Array<{ label: string; text: string; href?: string }>;
  versions: Array<{ label: string; date: string; size?: string; href: string }>;
  codeLinks: CodeLink[];
  arxivUrl: string;
  pdfUrl: string;
  citation: string;
  bibtex: string;
  announcedLabel: string;
  hasMath: boolean;
  /** First-page image; null: the placeholder; undefined: thumbnails off. Set by the route. */
  thumbnail?: ThumbnailView | null;
  /** GitHub star counts of the code links' repositories; set by the route. */
  stars?: RepoStars;
  /** Papers like this one (related-present.ts); set by the route. */
  related?: RelatedPaperView[];
}

function facts(paper: Paper): PaperView["facts"] {
  const rows: PaperView["facts"] = [];
  if (paper.submitted) rows.push({ label: "Submitted", text: formatDay(paper.submitted) });
  rows.push({ label: "Announced", text: formatDay(paper.announced), href: `/?date=${paper.announced}` });
  if (paper.updated && paper.updated !== paper.submitted)
    rows.push({ label: "Updated", text: formatDay(paper.updated) });
  if (paper.comments) rows.push({ label: "Comments", text: paper.comments });
  if (paper.journalRef) rows.push({ label: "Journal", text: paper.journalRef });
  if (paper.doi) rows.push({ label: "DOI", text: paper.doi, href: `https://doi.org/${paper.doi}` });
  if (paper.reportNo) rows.push({ label: "Report no.", text: paper.reportNo });
  if (paper.mscClass) rows.push({ label: "MSC class", text: paper.mscClass });
  if (paper.acmClass) rows.push({ label: "ACM class", text: paper.acmClass });
  if (paper.license) rows.push({ label: "Licence", text: licenseName(paper.license), href: paper.license });
  if (paper.submitter) rows.push({ label: "Submitted by", text: paper.submitter });
  return rows;
}

export function presentPaper(paper: Paper): PaperView {
  return {
    id: paper.id,
    version: paper.version,
    title: paper.title,
    authors: paper.authors.map((a) => a.name),
    abstractParagraphs: paper.abstract.split("\n\n").filter(Boolean),
    description: plainText(paper.abstract).slice(0, 200),
    categories: paper.categories,
    facts: facts(paper),
    versions: paper.versions.map((v) => ({
      label: `v${v.version}`,
      date: formatDay(v.date),
      size: v.size,
      href: absUrl(paper.id, v.version),
    })),
    codeLinks: paper.codeLinks,
    arxivUrl: absUrl(paper.id, paper.version),
    pdfUrl: pdfUrl(paper.id, paper.version),
    citation: plainCitation(paper),
    bibtex: toBibtex([paper]).trim(),
    announcedLabel: formatDay(paper.announced),
    hasMath: hasMath(paper.title) || hasMath(paper.abstract),
  };
}
