/**
 * Whitespace rules for paper text, in one pass over the string. Every record of an import goes
 * through them (title, abstract, comments, each author), and the chain of regular expressions
 * they replace (normalise line ends, trim, split into paragraphs, collapse each, filter, join)
 * allocated a string or an array at every step: about a tenth of an import's main thread at
 * millions of records. `whitespace.test.ts` checks both against that chain on random text.
 *
 * Whitespace is exactly what `\s` and `trim()` take (ASCII and Unicode spaces, line terminators).
 */

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/** The code units `\s` matches. */
function isSpace(c: number): boolean {
  if (c <= SPACE) return c === SPACE || (c >= TAB && c <= CR);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Collapses arXiv's hard line wrapping; a line starting with indentation (two spaces or tabs) or
 * an empty line starts a paragraph. Paragraphs are joined by a blank line, every other
 * whitespace run becomes one space, and the ends are trimmed. `\r\n` and `\r` count as `\n`.
 */
export function normalizeText(text: string): string {
  return collapse(text, true);
}

/** Single-line fields (titles, names): every whitespace run becomes one space; ends trimmed. */
export function normalizeLine(text: string): string {
  return collapse(text, false);
}

function collapse(text: string, paragraphs: boolean): string {
  const n = text.length;
  let out = "";
  // The separator owed before the next word: 0 none (start of text), 1 a space, 2 a paragraph break.
  let owed = 0;
  let i = 0;
  // Start of the words not yet copied (-1: none): text that needs no change is copied in one slice.
  let runStart = -1;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (!isSpace(c)) {
      if (runStart < 0) {
        if (owed === 2) out += "\n\n";
        else if (owed === 1) out += " ";
        runStart = i;
      }
      owed = 0;
      i++;
      continue;
    }
    // A whitespace run: a single space between words stays in the current slice.
    if (c === SPACE && runStart >= 0 && i + 1 < n && !isSpace(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    if (runStart >= 0) {
      out += text.slice(runStart, i);
      runStart = -1;
    }
    let brk = false;
    while (i < n && isSpace((c = text.charCodeAt(i)))) {
      i++;
      if (c !== LF && c !== CR) continue;
      if (c === CR && i < n && text.charCodeAt(i) === LF) i++;
      if (!paragraphs || i >= n) continue;
      const d = text.charCodeAt(i);
      if (d === LF || d === CR) brk = true;
      else if ((d === SPACE || d === TAB) && i + 1 < n) {
        const e = text.charCodeAt(i + 1);
        if (e === SPACE || e === TAB) brk = true;
      }
    }
    if (out.length > 0) owed = brk ? 2 : 1;
  }
  if (runStart >= 0) {
    // The whole text was one slice: no copy at all.
    if (runStart === 0 && out.length === 0) return text;
    out += text.slice(runStart);
  }
  return out;
}
