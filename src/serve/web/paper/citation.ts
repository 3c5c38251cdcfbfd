/** The plain citation line a reader can copy (the BibTeX entry comes from src/serve/export/bibtex.ts). */
import type { Paper } from "../../../core/paper.js";
import { yearOf } from "../../export/bibtex.js";


/** "Smith, Jones and Doe (2024). Title. arXiv:2401.01234" — up to three names, then "et al.". */
export function plainCitation(paper: Paper): string {
  const names = paper.authors.map((a) => a.name);
  const who =
    names.length > 3
      ? `${names[0]} et al.`
      : names.length > 1
        ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`
        : (names[0] ?? "");
  const journal = paper.journalRef ? ` ${paper.journalRef}.` : "";
  return `${who} (${yearOf(paper)}). ${paper.title}. arXiv:${paper.id}.${journal}`;
}
