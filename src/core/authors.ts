/**
 * arXiv author strings: "A. Smith, B. Jones and C. Doe" (Kaggle, .abs files) with optional
 * parenthesised affiliations "A. Smith (MIT), B. Jones ((1) CERN, (2) DESY)". Splitting must respect
 * parentheses, since affiliations contain commas.
 */
import type { Author } from "./paper.js";

/** Splits an author string into names; affiliations in parentheses are kept apart. */
export function parseAuthorString(raw: string): Author[] {
  const text = raw.replace(/\s+/g, " ").trim();
  if (!text) return [];
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  const flush = () => {
    if (current.trim()) parts.push(current.trim());
    current = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && ch === ",") {
      flush();
      continue;
    }
    if (depth === 0 && text.startsWith(" and ", i)) {
      flush();
      i += 4;
      continue;
    }
    current += ch;
  }
  flush();
  return parts
    .map((part) => part.replace(/^and /, ""))
    .map((part) => {
      const m = /^(.*?)\s*\((.*)\)\s*$/.exec(part);
      if (!m || !m[1]) return { name: part };
      return { name: m[1].trim(), affiliations: [m[2]!.trim()] };
    })
    .filter((a) => a.name.length > 0);
}

/** Kaggle's `authors_parsed`: [[keyname, forenames, suffix], …]. */
export function authorsFromParsed(parsed: string[][]): Author[] {
  return parsed
    .map(([keyname = "", forenames = "", suffix = ""]) => {
      const name = [forenames, keyname, suffix].map((s) => s.trim()).filter(Boolean).join(" ");
      const author: Author = { name, keyname: keyname.trim() };
      if (forenames.trim()) author.forenames = forenames.trim();
      if (suffix.trim()) author.suffix = suffix.trim();
      return author;
    })
    .filter((a) => a.name);
}
