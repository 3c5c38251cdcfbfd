/** Feeds carry text, not TeX source: a title's `\emph{…}` and an abstract's `91\%` and `--` arrive as words; math stays as written. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { makePaper } from "../../core/make-paper.js";
import { type FixtureApp, openFixtureApp } from "../testing/fixture-app.js";

const DAY = "2027-04-06";
const paper = {
  ...makePaper({
    id: "2704.00001",
    title: "A \\emph{very} fast solver -- with \\textbf{proofs}",
    abstract: "We reach 91\\% accuracy on $x^2$ problems, see \\cite{knuth}; Schr\\\"odinger would approve.",
    authors: [{ name: "Ada Lovelace", keyname: "Lovelace", forenames: "Ada" }],
    categories: ["cs.LG"],
  }),
  announced: DAY,
};

let fx: FixtureApp;
before(async () => {
  fx = await openFixtureApp([paper]);
});
after(() => fx.close());

test("Atom, RSS and JSON Feed entries read as text, with no stray backslash command", async () => {
  for (const format of ["atom", "rss", "json"]) {
    const body = await (await fx.app.request(`/feeds/daily.${format}?day=${DAY}`)).text();
    assert.match(body, /A very fast solver – with proofs/, `${format}: title`);
    assert.match(body, /91% accuracy/, `${format}: abstract`);
    assert.match(body, /Schrödinger/, `${format}: accent`);
    assert.match(body, /\$x\^2\$/, `${format}: math as written`);
    assert.doesNotMatch(body, /\\\\?(emph|textbf|cite|%)/, `${format}: a backslash command reached the feed`);
  }
});
