/** Citations a reader can copy: one plain line and a BibTeX entry in arXiv's own style. */
import type { Paper } from "../../../core/paper.js";

const yearOf = (paper: Paper) => (paper.submitted ?? paper.announced).slice(0, 4);

function familyName(author: Paper["authors"][number]): string {
  return author.keyname ?? author.name.split(" ").at(-1) ?? author.name;
}

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

/** BibTeX needs its special characters left alone inside braces; only stray braces are removed. */
const bibValue = (text: string) => text.replace(/[{}]/g, "");

export function bibtex(paper: Paper): string {
  const first = paper.authors[0];
  const keyName = first
    ? familyName(first)
        .toLowerCase()
        .replace(/[^a-z]/g, "")
    : "arxiv";
  const firstWord = paper.title.toLowerCase().match(/[a-z]{3,}/)?.[0] ?? "";
  const fields: Array<[string, string | null]> = [
    ["title", paper.title],
    ["author", paper.authors.map((a) => a.name).join(" and ")],
    ["year", yearOf(paper)],
    ["eprint", paper.id],
    ["archivePrefix", "arXiv"],
    ["primaryClass", paper.primaryCategory],
    ["journal", paper.journalRef],
    ["doi", paper.doi],
    ["url", `https://arxiv.org/abs/${paper.id}`],
  ];
  const body = fields
    .filter((f): f is [string, string] => Boolean(f[1]))
    .map(([name, value]) => `  ${name} = {${bibValue(value)}}`)
    .join(",\n");
  return `@misc{${keyName}${yearOf(paper)}${firstWord},\n${body}\n}`;
}
