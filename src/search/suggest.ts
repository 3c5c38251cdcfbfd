/**
 * "Did you mean": a query word that (almost) no paper holds is replaced by the spelling one edit
 * away (a letter left out, added, changed, or two swapped) that most papers hold, when that one
 * is far more common. The index vocabulary is the dictionary, so the suggestions speak the
 * collection's language (`difusion modles` → `diffusion models`), and a word the papers do use,
 * however rare in English, is left alone.
 */
import { analyze } from "./analyze/analyzer.js";

/** A word held by at most this many papers may be a typo. */
const RARE_DF = 2;
/** A respelling must be held by this many times more papers than the word (and by 3 at least). */
const MORE_COMMON = 10;
const MIN_DF = 3;
/** Words shorter or longer than this are not respelled (abbreviations, formulas, hashes). */
const MIN_LENGTH = 4;
const MAX_LENGTH = 24;
/** Words of a query respelled at most (each costs a few hundred term look-ups). */
const MAX_WORDS = 8;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const WORD = /^[a-z]+$/;

const encoder = new TextEncoder();

/**
 * Every spelling one edit away from `word`: two letters swapped first, then a letter added, then
 * one changed, then one left out — the order of how often typing does each — so when two
 * spellings give the same term the likelier comes first ("modles": models, not modeles;
 * "magnetc": magnetic, not magnet).
 */
function edits(word: string): string[] {
  const swapped: string[] = [];
  const added: string[] = [];
  const changed: string[] = [];
  const dropped: string[] = [];
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) dropped.push(head + tail.slice(1));
    if (tail.length > 1) swapped.push(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      added.push(head + c + tail);
      if (tail) changed.push(head + c + tail.slice(1));
    }
  }
  return [...new Set([...swapped, ...added, ...changed, ...dropped])].filter((w) => w !== word);
}

/** The single term a word analyses to, or null (a stopword, a compound). */
function termOf(word: string): string | null {
  const terms = analyze(word);
  return terms.length === 1 ? terms[0]! : null;
}

export function suggestSpelling(q: string, documentFrequencies: (terms: Uint8Array[]) => Float64Array): string | null {
  const tokens = q.slice(0, 500).split(/(\s+)/);
  let changed = false;
  let respelled = 0;
  for (let k = 0; k < tokens.length && respelled < MAX_WORDS; k++) {
    const word = tokens[k]!.toLowerCase();
    if (!WORD.test(word) || word.length < MIN_LENGTH || word.length > MAX_LENGTH) continue;
    const term = termOf(word);
    if (term === null) continue;
    const [df] = documentFrequencies([encoder.encode(term)]);
    if (df! > RARE_DF) continue;
    respelled++;
    const candidates = edits(word).map((spelling) => ({ spelling, term: termOf(spelling) })).filter((c) => c.term !== null && c.term !== term);
    const dfs = documentFrequencies(candidates.map((c) => encoder.encode(c.term!)));
    let best = -1;
    candidates.forEach((_, i) => {
      if (best < 0 || dfs[i]! > dfs[best]!) best = i;
    });
    if (best >= 0 && dfs[best]! >= Math.max(MIN_DF, MORE_COMMON * (df! + 1))) {
      tokens[k] = candidates[best]!.spelling;
      changed = true;
    }
  }
  return changed ? tokens.join("") : null;
}
