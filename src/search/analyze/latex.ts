/**
 * What the tokenizer does with LaTeX commands in titles and abstracts (arXiv metadata is LaTeX
 * source): Greek letters and operator names become words (`$J/\Psi$` → j, psi); letter commands
 * and accents join the surrounding word (`Bal\'azs` → balazs, `Erd\H{o}s` → erdos); every other
 * command (`\mathcal`, `\emph`, `\frac`, …) is dropped and its braced argument read as text.
 */

const GREEK_NAMES =
  "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau " +
  "upsilon phi chi psi omega";
const OPERATOR_NAMES = "log ln exp sin cos tan sinh cosh tanh max min sup inf lim det dim ker arg deg gcd";

/** Commands that stand for a word of their own, lower-cased (`\Psi` → psi, `\varepsilon` → epsilon). */
export const WORD_COMMANDS: ReadonlyMap<string, string> = new Map(
  [
    ...GREEK_NAMES.split(" ").flatMap((g) => [
      [g, g],
      [g[0]!.toUpperCase() + g.slice(1), g],
      [`var${g}`, g],
    ]),
    ...OPERATOR_NAMES.split(" ").map((op) => [op, op]),
  ] as Array<[string, string]>,
);

/** Commands that are letters inside a word (`{\o}`, `\ss`). */
export const LETTER_COMMANDS: ReadonlyMap<string, string> = new Map([
  ["i", "i"],
  ["j", "j"],
  ["o", "o"],
  ["O", "o"],
  ["l", "l"],
  ["L", "l"],
  ["ss", "ss"],
  ["ae", "ae"],
  ["AE", "ae"],
  ["oe", "oe"],
  ["OE", "oe"],
  ["aa", "a"],
  ["AA", "a"],
]);

/** Accent commands named by a letter, followed by `{x}` or ` x`: `\c{c}`, `\v s`, `\H{o}`. */
export const LETTER_ACCENTS: ReadonlySet<string> = new Set(["c", "v", "u", "H", "k", "r", "d", "b", "t"]);

/** Accent commands named by a symbol: `\'a`, `\"o`, `\^e`, `` \`e ``, `\~n`, `\=a`, `\.z`. */
export const SYMBOL_ACCENTS = "'\"^`~=.";
