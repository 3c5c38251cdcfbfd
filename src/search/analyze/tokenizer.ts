/**
 * A hand-written scanner over the original text (no copies, no regex per character), so indexing
 * millions of abstracts stays fast and every token keeps its character span for highlighting.
 *
 * Words are runs of letters, digits and combining marks. Rules beyond that:
 * - a digit run continues over "." before another digit: `1.4B`, `2401.01234` stay one token;
 * - hyphenated words are reported part by part with `linked` set on the parts after the first
 *   (`GPT-4` → GPT, 4 linked), so the analyzer can add the joined form;
 * - old-style arXiv ids (`hep-th/9901001`) are one token;
 * - possessive 's is dropped; braces are transparent, as in LaTeX (`G\"{o}del` is one word);
 * - LaTeX commands follow `latex.ts`.
 */
import { LETTER_ACCENTS, LETTER_COMMANDS, SYMBOL_ACCENTS, WORD_COMMANDS } from "./latex.js";

/**
 * One token. When `raw` is null the token is exactly `text.slice(start, end)` and `hash` is the
 * hash of those characters (see `hashChars`); otherwise `raw` is the token with LaTeX markup
 * removed. Not yet case-folded.
 */
export type RawTokenSink = (start: number, end: number, raw: string | null, hash: number, linked: boolean) => void;

const LETTER = 1;
const DIGIT = 2;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = DIGIT;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = LETTER;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = LETTER;

const UNICODE_WORD = /^[\p{L}\p{N}\p{M}]$/u;
const UNICODE_DIGIT = /^\p{N}$/u;

/** 0 for separators, LETTER or DIGIT; surrogate pairs are classified by their code point. */
function classAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_CLASS[c]!;
  const ch = c >= 0xd800 && c <= 0xdbff ? String.fromCodePoint(text.codePointAt(i)!) : text[i]!;
  if (!UNICODE_WORD.test(ch)) return 0;
  return UNICODE_DIGIT.test(ch) ? DIGIT : LETTER;
}

/** The hash the scanner computes for clean tokens; callers use it to look tokens up. */
export function hashChars(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

const isHyphen = (c: number) => c === 45 || c === 0x2010 || c === 0x2011;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const OLD_STYLE_ID = /[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?(?![\p{L}\p{N}])/uy;

// Scanner state lives at module level so the hot loop calls no closures. Sinks must not scan.
const noSink: RawTokenSink = () => {};
let text = "";
let n = 0;
let sink: RawTokenSink = noSink;
let wordStart = -1;
let wordEnd = -1;
let hash = 0;
let lastDigit = false;
let linkNext = false;
// Once markup was skipped inside the word, it is `pieces` + text[pieceStart, wordEnd).
let clean = true;
let pieces = "";
let pieceStart = -1;

function endWord() {
  if (wordStart < 0) return;
  if (clean) sink(wordStart, wordEnd, null, hash, linkNext);
  else {
    if (pieceStart >= 0) pieces += text.slice(pieceStart, wordEnd);
    if (pieces) sink(wordStart, wordEnd, pieces, 0, linkNext);
  }
  wordStart = -1;
  linkNext = false;
}

function beginWord(at: number) {
  wordStart = at;
  hash = 0;
  clean = true;
  pieces = "";
  pieceStart = at;
}

/** Markup at [from, …) is left out of the word being built. */
function skipMarkup(from: number) {
  if (wordStart < 0) return;
  if (clean) {
    clean = false;
    pieces = text.slice(wordStart, from);
  } else if (pieceStart >= 0) pieces += text.slice(pieceStart, from);
  pieceStart = -1;
}

/** Handles the command at text[at] === "\\"; returns where scanning continues. */
function latexCommand(at: number): number {
  const next = text[at + 1];
  if (next === undefined) return at + 1;
  if (SYMBOL_ACCENTS.includes(next)) {
    // An accent on the following letter: skip it and keep the word together.
    skipMarkup(at);
    return at + 2;
  }
  let end = at + 1;
  while (end < n && isAsciiLetter(text.charCodeAt(end))) end++;
  if (end === at + 1) {
    endWord();
    return at + 2;
  }
  const name = text.slice(at + 1, end);
  const letters = LETTER_COMMANDS.get(name);
  if (letters !== undefined) {
    if (wordStart < 0) beginWord(at);
    skipMarkup(at);
    pieces += letters;
    wordEnd = end;
    // "\ss e": the space only ends the command name.
    return text[end] === " " && classAt(text, end + 1) === LETTER ? end + 1 : end;
  }
  if (LETTER_ACCENTS.has(name) && (text[end] === "{" || (text[end] === " " && classAt(text, end + 1) === LETTER))) {
    skipMarkup(at);
    return end + 1;
  }
  endWord();
  const word = WORD_COMMANDS.get(name);
  if (word !== undefined) sink(at, end, word, 0, false);
  return end;
}

export function scanTokens(input: string, onToken: RawTokenSink): void {
  text = input;
  n = input.length;
  sink = onToken;
  wordStart = -1;
  linkNext = false;
  lastDigit = false;
  const mayHaveOldIds = input.includes("/");
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    const cls = c < 128 ? ASCII_CLASS[c]! : classAt(input, i);
    if (cls !== 0) {
      if (wordStart < 0) {
        if (mayHaveOldIds && cls === LETTER && c < 128) {
          OLD_STYLE_ID.lastIndex = i;
          const m = OLD_STYLE_ID.exec(input);
          if (m) {
            onToken(i, i + m[0].length, m[0], 0, false);
            i += m[0].length;
            continue;
          }
        }
        beginWord(i);
      } else if (pieceStart < 0) pieceStart = i;
      // The hot loop: ASCII letters and digits.
      let h = hash;
      let cl = cls;
      let j = i;
      let code = c;
      while (cl !== 0 && code < 128) {
        h = (Math.imul(h, 31) + code) | 0;
        lastDigit = cl === DIGIT;
        if (++j === n) break;
        code = input.charCodeAt(j);
        cl = code < 128 ? ASCII_CLASS[code]! : 0;
      }
      if (j === i) {
        // One non-ASCII letter, digit or mark (two code units for a surrogate pair).
        h = (Math.imul(h, 31) + c) | 0;
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) h = (Math.imul(h, 31) + input.charCodeAt(++j)) | 0;
        j++;
        lastDigit = cls === DIGIT;
      }
      hash = h;
      wordEnd = i = j;
      continue;
    }
    if (wordStart >= 0) {
      // Decimal point or version dot between digits: "1.4", "2401.01234".
      if (c === 46 && lastDigit && wordEnd === i && classAt(input, i + 1) === DIGIT) {
        hash = (Math.imul(hash, 31) + c) | 0;
        wordEnd = ++i;
        lastDigit = false;
        continue;
      }
      if ((c === 39 || c === 0x2019) && (input[i + 1] === "s" || input[i + 1] === "S") && classAt(input, i + 2) === 0) {
        // Possessive: "Hawking's" → Hawking.
        endWord();
        i += 2;
        continue;
      }
    }
    if (c === 123 || c === 125) {
      // Braces group in LaTeX without separating words.
      skipMarkup(i);
      i++;
      continue;
    }
    if (c === 92) {
      i = latexCommand(i);
      continue;
    }
    // A hyphen between two words links them into a compound: "parameter-efficient".
    const hyphenated = isHyphen(c) && wordStart >= 0 && classAt(input, i + 1) !== 0;
    endWord();
    linkNext = hyphenated;
    i++;
  }
  endWord();
  text = "";
  sink = noSink;
}
