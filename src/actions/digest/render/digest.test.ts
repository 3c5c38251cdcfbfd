/** Digest mail carries titles and abstracts as text: no `\emph{`, `\%` or other backslash command outside math. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { makePaper } from "../../../core/make-paper.js";
import { subscriberLinks } from "../../subscriptions/links.js";
import { renderDigest } from "./digest.js";

const BASE = "https://papers.example.org";
const paper = makePaper({
  id: "2704.00001",
  title: "A \\emph{very} fast solver -- with \\textbf{proofs}",
  abstract: "We reach 91\\% accuracy on $x^{2} \\le y$ problems, see \\cite{knuth}; Schr\\\"odinger would \\textit{approve}.",
  authors: [{ name: "Ada Lovelace", keyname: "Lovelace", forenames: "Ada" }],
  categories: ["cs.LG"],
});

test("digest mail, HTML and text, renders text LaTeX and keeps math as written", () => {
  const mail = renderDigest({
    content: { type: "digest", cadence: "daily", period: "2027-04-06", sections: [{ kind: "trending", paperIds: [paper.id] }] },
    papers: new Map([[paper.id, paper]]),
    links: subscriberLinks(BASE, "secret", { id: 1, email: "reader@example.org" }),
    base: BASE,
  });
  for (const [format, body] of [["html", mail.html], ["text", mail.text]] as const) {
    assert.match(body, /A very fast solver – with proofs/, `${format}: title`);
    assert.match(body, /91%\s+accuracy/, `${format}: abstract`);
    assert.match(body, /Schrödinger\s+would\s+approve/, `${format}: accent and \\textit`);
    assert.match(body, /\$x\^\{2\} \\le y\$/, `${format}: math as written`);
    const outsideMath = body.replace(/\$[^$]*\$/g, "");
    assert.doesNotMatch(outsideMath, /\\[A-Za-z]+\{|\\%/, `${format}: a stray backslash command`);
  }
});
