/**
 * arXiv titles and names are TeX-flavoured text: math in `$…$`, accents as `\"o`, sometimes
 * raw Unicode. `toBibtexText` makes such text safe inside a BibTeX `{…}` value: math and TeX
 * commands stay as written, characters special to TeX outside math are escaped, accented Unicode
 * letters become accent commands (so classic BibTeX sorts and prints them), and braces that do
 * not balance are escaped so one stray brace cannot swallow the rest of the file.
 */

import { ACCENTS, LETTERS } from "../../core/latex/tables.js";

/** A letter plus its accents as TeX, e.g. "é" → "{\'e}"; null when a mark has no TeX accent. */
function accented(char: string): string | null {
  const [base, ...marks] = [...char.normalize("NFD")];
  if (!base || marks.length === 0 || !/^[A-Za-z]$/.test(base)) return null;
  let out = base === "i" ? "\\i" : base === "j" ? "\\j" : base;
  for (const mark of marks) {
    const command = ACCENTS[mark];
    if (!command) return null;
    out = /[a-z]/i.test(command) ? `\\${command}{${out}}` : `\\${command}${out}`;
  }
  return `{${out}}`;
}

/** Non-ASCII characters as TeX where TeX has a command; others stay UTF-8 (biber and bibtex8 read them). */
export function unicodeToTex(text: string): string {
  return text.normalize("NFC").replace(/[^\p{ASCII}]/gu, (c) => LETTERS[c] ?? accented(c) ?? c);
}

/** Escapes the braces that have no partner (a stray "}" or an unclosed "{"), leaving matched pairs alone. */
function escapeUnmatchedBraces(text: string): string {
  const open: number[] = [];
  const unmatched = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "{") open.push(i);
    else if (text[i] === "}" && open.pop() === undefined) unmatched.add(i);
  }
  for (const i of open) unmatched.add(i);
  return [...text].map((c, i) => (unmatched.has(i) ? `\\${c}` : c)).join("");
}

/** Escapes TeX specials in text outside math; keeps `\command`s and escaped characters as written. */
function escapeText(text: string): string {
  return text.replace(/\\([a-zA-Z]+|.)?|[&%#_^]/g, (match, after: string | undefined) => {
    if (match[0] !== "\\") return match === "^" ? "\\^{}" : `\\${match}`;
    if (after === undefined) return "\\textbackslash{}";
    return match; // a TeX command or an escaped character
  });
}

const MATH = /(\$\$[^$]*\$\$|\$[^$]*\$|\\\([\s\S]*?\\\))/;

export function toBibtexText(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const parts = flat.split(MATH).map((part, i) => (i % 2 === 1 ? part : escapeText(unicodeToTex(part))));
  let out = parts.join("");
  // An odd `$` left over (unclosed math) would make TeX fail: escape it.
  if ((out.replace(/\\\$/g, "").match(/\$/g)?.length ?? 0) % 2 === 1) out = out.replace(/(?<!\\)\$/g, "\\$");
  return escapeUnmatchedBraces(out);
}
