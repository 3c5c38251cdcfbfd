/** Titles and abstracts as plain text for mail and feeds: text LaTeX rendered, math as written. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { latexToText } from "./text.js";

test("text LaTeX outside math becomes text; math stays as written", () => {
  assert.equal(
    latexToText("We reach 91\\% with \\emph{fast} and \\textbf{exact} Schr\\\"odinger solvers -- see \\cite{k} on $\\alpha_{1} \\le 2$."),
    "We reach 91% with fast and exact Schrödinger solvers – see on $\\alpha_{1} \\le 2$.",
  );
  assert.equal(latexToText("Display $$\\sum_i x_i$$ and \\(y\\) and \\[z\\] stay"), "Display $$\\sum_i x_i$$ and \\(y\\) and \\[z\\] stay");
  assert.equal(latexToText("A \\$5 bet, \\texttt{code}~here"), "A $5 bet, code\u00A0here");
});
