import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { makePaper } from "../core/make-paper.js";
import { type FixtureApp, decodeRefs, fetchPage, openFixtureApp, textOf } from "./testing/fixture-app.js";

const HOSTILE = makePaper({
  id: "2607.00001",
  title: `<script>alert("title")</script> Attacks $\\href{javascript:alert(1)}{click}$ <img src=x onerror=alert(2)>`,
  abstract: `We study <script>alert("abstract")</script> and "quotes" & ampersands; see $x<y$ and https://github.com/evil/"onmouseover=alert(3)`,
  authors: [{ name: `<b onclick="alert(4)">Mallory</b>` }],
  categories: ["cs.CR"],
  announced: "2026-07-01",
});

let fx: FixtureApp;
before(async () => {
  fx = await openFixtureApp([HOSTILE]);
});
after(() => fx.close());

test("a paper page shows title, authors as author searches, ids, links, categories and the abstract", async () => {
  const { status, body } = await fetchPage(fx.app, "/papers/2606.30673");
  assert.equal(status, 200);
  assert.match(body, /<h1 class="paper-page-title">PolyFlow: Continuous Topology Embedding Flow Matching/);
  assert.match(body, /<a href="\/authors\/Chunshi%20Wang">Chunshi Wang<\/a>/);
  assert.match(body, /href="https:\/\/arxiv\.org\/pdf\/2606\.30673v1"/);
  assert.match(body, /href="https:\/\/arxiv\.org\/abs\/2606\.30673v1"/);
  assert.match(body, /<h2 id="abstract-heading">Abstract<\/h2>/);
  assert.ok(textOf(body).includes("Autoregressive Transformers dominate high-quality mesh generation"));
  assert.match(body, /class="chip" href="\/search\?cat=cs\.GR&amp;sort=newest"/);
  assert.match(body, /id="citation-text"/);
  assert.match(body, /@misc\{wang2026polyflow,/);
});

test("an old-style id has its own page with journal, DOI and every version", async () => {
  const { status, body } = await fetchPage(fx.app, "/papers/hep-th/9901001");
  assert.equal(status, 200);
  const text = textOf(body);
  assert.ok(text.includes("String Junctions and Their Duals in Heterotic String Theory"));
  assert.ok(text.includes("Prog.Theor.Phys.101:1155-1164,1999"));
  assert.match(body, /href="https:\/\/doi\.org\/10\.1143\/PTP\.101\.1155"/);
  for (const v of [1, 2, 3])
    assert.match(body, new RegExp(`href="https://arxiv.org/abs/hep-th/9901001v${v}">v${v}</a>`));
  assert.ok(text.includes("arXiv:hep-th/9901001v3"));
});

test("a version suffix, subject class or pasted URL redirects to the one canonical page", async () => {
  for (const path of ["/papers/hep-th/9901001v2", "/papers/2606.30673v1", "/papers/arXiv:2606.30673"]) {
    const res = await fx.app.request(path);
    assert.equal(res.status, 301, path);
    assert.match(res.headers.get("location") ?? "", /^\/papers\/(hep-th\/9901001|2606\.30673)$/, path);
  }
});

test("LaTeX in titles and abstracts is typeset by KaTeX on the server", async () => {
  const { body } = await fetchPage(fx.app, "/papers/math-ph/0509021");
  assert.match(
    body,
    /<h1 class="paper-page-title">Hermite and Laguerre <span class="math"><span class="katex">/,
  );
  assert.match(decodeRefs(body), /<title>Hermite and Laguerre β-ensembles: asymptotic corrections/);
  assert.ok(!/<h1[^>]*>[^<]*\$/.test(body), "the TeX source is not left in the heading");
  assert.match(body, /<annotation encoding="application\/x-tex">\\beta<\/annotation>/);
  assert.match(body, /href="\/static\/katex-[\d.]+\/katex\.min\.css"/);
});

test("pages without math do not load the KaTeX stylesheet", async () => {
  const { body } = await fetchPage(fx.app, "/papers/2606.27617");
  assert.doesNotMatch(body, /katex\.min\.css/);
});

test("hostile text in a paper is escaped everywhere and KaTeX gets no links", async () => {
  const { status, body } = await fetchPage(fx.app, "/papers/2607.00001");
  assert.equal(status, 200);
  assert.ok(!body.includes("<script>alert"), "no script element from paper text");
  assert.ok(!/<img[^>]*onerror/i.test(body), "no live img element from paper text");
  assert.ok(!/<b onclick/i.test(body), "no live element from an author name");
  assert.ok(!/href="javascript:/i.test(body), "no javascript: link");
  assert.ok(body.includes("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;"));
  assert.ok(body.includes("&lt;b onclick=&quot;alert(4)&quot;&gt;Mallory&lt;/b&gt;"));
  // The one <script> on the page is our own external enhancement script.
  assert.equal(body.split("<script").length - 1, 1);
});

test("an unknown paper is a 404 that offers a search and the arXiv page", async () => {
  const { status, body } = await fetchPage(fx.app, "/papers/2401.99999");
  assert.equal(status, 404);
  assert.ok(textOf(body).includes("Paper 2401.99999 is not in this collection"));
  assert.match(body, /href="\/search\?q=2401\.99999"/);
  assert.match(body, /href="https:\/\/arxiv\.org\/abs\/2401\.99999"/);
});

test("a path that is not an arXiv id is a 404 that offers to search for it", async () => {
  const { status, body } = await fetchPage(fx.app, "/papers/graph%20neural%20networks");
  assert.equal(status, 404);
  assert.ok(textOf(body).includes("“graph neural networks” is not an arXiv id"));
  assert.match(body, /href="\/search\?q=graph%20neural%20networks"/);
});
