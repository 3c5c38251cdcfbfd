/**
 * Random and hostile query strings, deterministic for a seed: operator soup, unbalanced quotes
 * and brackets, field prefixes with odd values, control characters, lone surrogates, combining
 * marks, right-to-left text, emoji, very long words and very many terms. The engine must answer
 * every one without throwing.
 */
import { createRandom, type Random } from "./corpus/prng.js";

const OPERATORS = [
  '"',
  "'",
  "+",
  "-",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ":",
  "*",
  "?",
  "^",
  "~",
  "|",
  "&",
  "!",
  "\\",
  "/",
  ".",
  ",",
  ";",
  "<",
  ">",
  "=",
];
const KEYWORDS = [
  "AND",
  "OR",
  "NOT",
  "NEAR",
  "and",
  "or",
  "not",
  "ti:",
  "au:",
  "abs:",
  "cat:",
  "id:",
  "date:",
  "year:",
  "from:",
  "to:",
  "has:code",
  "sort:",
  "*:*",
  "title:",
  "author:",
];
const ODD = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\t",
  "\n",
  "\r",
  "\u00a0",
  "\u200b",
  "\u200d",
  "\u2028",
  "\ufeff",
  "\ufffd",
  "\ud800",
  "\udfff",
  "\u0301",
  "\u0308\u0308\u0308",
  "\u202e",
  "\u05e9\u05dc\u05d5\u05dd",
  "\u0645\u0631\u062d\u0628\u0627",
  "\u4e2d\u6587",
  "\u{1f600}",
  "\u{1f468}\u200d\u{1f469}\u200d\u{1f467}",
  "ǅ",
  "ß",
  "İ",
  "ﬁ",
  "Ω",
  "∑",
  "$\\alpha$",
  "%",
  "%00",
  "%s",
  "${x}",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "0x7fffffff",
  "-0",
  "NaN",
  "Infinity",
  "1e308",
  "9999-99-99",
  "2024-13-45",
];
const WORDS = [
  "quantum",
  "graph",
  "neural",
  "network",
  "dark",
  "matter",
  "learning",
  "the",
  "of",
  "a",
  "x",
  "2d",
  "higgs",
  "transformer",
  "diffusion",
];

function piece(random: Random): string {
  switch (random.int(6)) {
    case 0:
      return random.pick(OPERATORS);
    case 1:
      return random.pick(KEYWORDS);
    case 2:
      return random.pick(ODD);
    case 3:
      return random.pick(WORDS);
    case 4:
      return String.fromCharCode(random.int(0x10000));
    default:
      return " ";
  }
}

/** One hostile string; a few shapes are extreme on purpose (length, nesting, term count). */
export function hostileQuery(random: Random): string {
  const roll = random.int(100);
  if (roll === 0) return "(".repeat(1 + random.int(5000)) + "x" + ")".repeat(random.int(5000));
  if (roll === 1) return '"'.repeat(1 + random.int(2001));
  if (roll === 2) return "a".repeat(1 + random.int(100_000));
  if (roll === 3) return Array.from({ length: 200 + random.int(1000) }, () => random.pick(WORDS)).join(" ");
  if (roll === 4)
    return Array.from(
      { length: 50 + random.int(300) },
      () => `"${random.pick(WORDS)} ${random.pick(WORDS)}"`,
    ).join(" OR ");
  if (roll === 5) return "-".repeat(random.int(50)) + random.pick(WORDS);
  if (roll < 10) return random.pick(KEYWORDS) + random.pick(ODD) + random.pick(OPERATORS);
  const length = random.int(40);
  let text = "";
  for (let i = 0; i < length; i++) text += piece(random);
  return text;
}

/** `count` hostile strings for `seed`. */
export function* hostileQueries(count: number, seed = 1234): Generator<string> {
  const random = createRandom(seed, 0);
  for (let i = 0; i < count; i++) yield hostileQuery(random);
}
