/** Author names split into family and given parts, for BibTeX, RIS and CSL-JSON alike. */
import type { Author } from "../../core/paper.js";

export type SplitName = { family: string; given: string; suffix?: string } | { literal: string };

/** "et al." as an author means "and others". */
export const isEtAl = (author: Author) => /^et\.? al\.?$/i.test(author.name.trim());

/** The source's split when it has one; else the last word is the family name; a collaboration stays whole. */
export function splitName(author: Author): SplitName {
  if (author.keyname) return { family: author.keyname, given: author.forenames ?? "", ...(author.suffix ? { suffix: author.suffix } : {}) };
  const name = author.name.trim();
  if (/collaboration|consortium|group|team|:/i.test(name) || !name.includes(" ")) return { literal: name };
  const at = name.lastIndexOf(" ");
  return { family: name.slice(at + 1), given: name.slice(0, at) };
}
