/**
 * Random corpora and queries for property tests: few words, so terms collide, phrases occur and
 * scores tie often, which is where pruning and tie-breaking mistakes show.
 */
import fc from "fast-check";
import { makePaper, type Paper } from "../../core/index.js";

/** Words that stem to themselves, so queries and texts meet. */
export const WORDS = ["quantum", "graph", "neural", "spin", "lattice", "photon", "sparse", "kernel", "boson", "field", "gauge", "flow"];
const AUTHORS = ["Ada Lovelace", "Alan Turing", "Emmy Noether", "Paul Dirac"];
const CATEGORIES = ["cs.LG", "cs.CV", "hep-th", "math.CO", "quant-ph"];

const text = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(" "));

export const paperArb = (index: number) =>
  fc
    .record({
      title: text(1, 6),
      abstract: text(0, 40),
      authors: fc.uniqueArray(fc.constantFrom(...AUTHORS), { minLength: 1, maxLength: 3 }),
      categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { minLength: 1, maxLength: 2 }),
      day: fc.integer({ min: 1, max: 28 }),
      code: fc.boolean(),
    })
    .map(
      (r): Paper =>
        makePaper({
          id: `2401.${String(10000 + index)}`,
          title: r.title,
          abstract: r.abstract + (r.code ? " code at https://github.com/a/b" : ""),
          authors: r.authors.map((name) => ({ name })),
          categories: r.categories,
          announced: `2024-0${1 + (r.day % 9)}-${String(r.day).padStart(2, "0")}`,
        }),
    );

export const corpusArb = (maxDocs: number) =>
  fc.integer({ min: 1, max: maxDocs }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => paperArb(i))));

const word = fc.constantFrom(...WORDS);
const clause = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 1, arbitrary: word.map((w) => `+${w}`) },
  { weight: 1, arbitrary: word.map((w) => `-${w}`) },
  { weight: 1, arbitrary: fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"`) },
  { weight: 1, arbitrary: word.map((w) => `ti:${w}`) },
  { weight: 1, arbitrary: fc.constantFrom("au:turing", 'au:"emmy noether"', "cat:cs", "-cat:hep-th", "year:2024", "since:2024-05", "since:2024-09", "until:2024-01", "id:2401.10003") },
);

export const queryArb = fc.array(clause, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(" "));
