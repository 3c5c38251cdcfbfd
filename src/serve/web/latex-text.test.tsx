import assert from "node:assert/strict";
import { test } from "node:test";
import { DEMO_DATA_PATH } from "../../ingest/demo.js";
import { readListing } from "../../ingest/readers/listing.js";
import { drain } from "../../ingest/test-support.js";
import fc from "fast-check";
import { RichText, TextWithMarkup } from "./components/rich-text.js";
import { latexTextToPlain, textRuns } from "../../core/latex/text.js";
import { plainText, splitMath } from "./math.js";

const html = (text: string, links = true) => String(<RichText text={text} links={links} />);

test("styles: \\textit \\emph \\textbf \\texttt \\textsc, and old {\\it …} switches", () => {
  assert.equal(html("a \\textit{reason} b"), "a <i>reason</i> b");
  assert.equal(html("\\emph{fast} and \\textbf{bold}"), "<i>fast</i> and <b>bold</b>");
  assert.equal(html("run \\texttt{pip install x}"), "run <code>pip install x</code>");
  assert.equal(html("\\textsc{Llama}"), '<span class="small-caps">Llama</span>');
  assert.equal(html("{\\it Gaia} data"), "<i>Gaia</i> data");
  assert.equal(html("\\textbf{\\emph{both}}"), "<i><b>both</b></i>");
});

test("escapes, ties, dashes and quotes", () => {
  assert.equal(latexTextToPlain("91\\% \\& 5\\_x \\#1 \\$3"), "91% & 5_x #1 $3");
  assert.equal(latexTextToPlain("Fig.~3"), "Fig.\u00A03");
  assert.equal(latexTextToPlain("see https://x.edu/~ada"), "see https://x.edu/~ada", "a URL's tilde stays");
  assert.equal(latexTextToPlain("pages 3--5 --- or ``so'' they say"), "pages 3–5 — or “so” they say");
});

test("accents in every spelling, and letters without a Unicode decomposition", () => {
  assert.equal(latexTextToPlain(`Schr\\"odinger, G\\"{o}del, {\\'e}t\\'e, \\v{C}ech, na\\"{\\i}ve, Erd\\H{o}s, Fran\\c{c}ois, \\v s`), "Schrödinger, Gödel, été, Čech, naïve, Erdős, François, š");
  assert.equal(latexTextToPlain("Stra\\ss e, \\o re, \\L{}\\'od\\'z"), "Straße, øre, Łódź");
});

test("links: \\url and \\href become links (http and https only), never inside another link", () => {
  assert.equal(html("at \\url{https://github.com/a/b}."), 'at <a href="https://github.com/a/b" rel="nofollow ugc noopener">https://github.com/a/b</a>.');
  assert.equal(html("\\href{https://x.org}{our site}"), '<a href="https://x.org" rel="nofollow ugc noopener">our site</a>');
  assert.equal(html("\\href{javascript:alert(1)}{click}"), "click");
  assert.equal(html("\\url{https://x.org}", false), "https://x.org");
});

test("citations go with the space before them; references read [ref]; unknown macros show their name", () => {
  assert.equal(latexTextToPlain("as shown before \\cite{smith2020}. Also \\citep[p.~3]{a,b}!"), "as shown before. Also!");
  assert.equal(latexTextToPlain("Section~\\ref{sec:x} and Eq.~\\eqref{e1}"), "Section\u00A0[ref] and Eq.\u00A0[ref]");
  assert.equal(latexTextToPlain("we propose \\method{}, which beats \\ours."), "we propose method, which beats ours.");
  assert.equal(latexTextToPlain("a footnote\\footnote{see below} here"), "a footnote (see below) here");
});

test("search highlights land on the same words after conversion", () => {
  const segments = [
    { text: "a \\textbf{", match: false },
    { text: "graph", match: true },
    { text: "} model at 91\\", match: false },
    { text: "%", match: true },
  ];
  assert.equal(String(<RichText segments={segments} />), "a <b><mark>graph</mark></b> model at <mark>91%</mark>".replace("<mark>91%</mark>", "91<mark>%</mark>"));
});

test("a snippet cut mid-group or with a stray brace still renders, without braces or backslashes", () => {
  assert.equal(latexTextToPlain("end of \\textit{a group"), "end of a group");
  assert.equal(latexTextToPlain("group} continues"), " continues".replace(" ", "group "));
  assert.equal(latexTextToPlain("trailing \\"), "trailing ");
  const runs = textRuns("x \\emph{y} z");
  assert.deepEqual(runs.map((r) => [r.start, r.end, r.text, r.verbatim]), [[0, 2, "x ", true], [8, 9, "y", true], [10, 12, " z", true]]);
});

test("plainText (page titles, meta tags) converts text LaTeX as well as math", () => {
  assert.equal(plainText("\\emph{Fast} $\\beta$-ensembles at 91\\%"), "Fast β-ensembles at 91%");
});

/** Visible text of rendered HTML: KaTeX keeps the TeX source in <annotation>, which nobody sees. */
const visibleText = (h: string) =>
  h.replace(/<annotation[^>]*>[\s\S]*?<\/annotation>/g, "").replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">");

test("no stray backslash command from any demo title or abstract reaches the page outside math", async () => {
  const { papers } = await drain(readListing(DEMO_DATA_PATH));
  assert.equal(papers.length, 4772);
  const stray: string[] = [];
  let commandsBefore = 0;
  for (const paper of papers) {
    for (const text of [paper.title, paper.abstract]) {
      // Formulas KaTeX could not typeset keep their source on purpose: they are math, not prose.
      const unrendered = splitMath(text).filter((p) => p.kind === "math" && p.html === null).map((p) => (p.kind === "math" ? p.source : ""));
      const prose = splitMath(text).filter((p) => p.kind === "text").map((p) => (p.kind === "text" ? p.text : "")).join(" ");
      if (/\\[A-Za-z%&_]/.test(prose)) commandsBefore++;
      let seen = visibleText(html(text));
      for (const source of unrendered) seen = seen.replace(visibleText(html(source)), "");
      for (const source of [seen, plainText(text)]) {
        const m = /\\[A-Za-z]+|\\[%&_#{}]/.exec(source.replace(/\$[^$]*\$/g, ""));
        if (m) stray.push(`${paper.id}: ${m[0]} in “…${source.slice(Math.max(0, m.index - 30), m.index + 30)}…”`);
      }
    }
  }
  assert.ok(commandsBefore > 400, `the demo has text LaTeX to convert (${commandsBefore} texts)`);
  assert.deepEqual(stray.slice(0, 20), []);
});

test("plain text with marks renders as the general LaTeX path renders it: escaped, each match in <mark>", () => {
  // Pieces without LaTeX or math, but with what must be escaped and what only looks like markup.
  const piece = fc.constantFrom("graph", " ", "model's", "a-b", "<b>", "&amp;", '"q"', "x > y", "é", "-", "'", "`", "", "91%", "#1");
  const segments = fc.array(fc.record({ text: fc.array(piece, { maxLength: 4 }).map((p) => p.join("")), match: fc.boolean() }), { maxLength: 8 });
  fc.assert(
    fc.property(segments, fc.boolean(), (segs, links) => {
      const full = segs.map((s) => s.text).join("");
      fc.pre(!/--|``|''/.test(full));
      assert.equal(String(<RichText segments={segs} links={links} />), String(<TextWithMarkup full={full} segs={segs} links={links} />));
    }),
    { numRuns: 3_000 },
  );
  assert.equal(String(<RichText segments={[{ text: "a <b>", match: false }, { text: "graph", match: true }]} />), "a &lt;b&gt;<mark>graph</mark>");
});
