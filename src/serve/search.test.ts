import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { makePaper } from "../core/make-paper.js";
import { type FixtureApp, decodeRefs, fetchPage, occurrences, openFixtureApp, textOf } from "./testing/fixture-app.js";

const HOSTILE = makePaper({
  id: "2607.00002",
  title: `Zebrafish <script>alert("x")</script> tracking`,
  abstract: `Zebrafish <img src=x onerror=alert(1)> larvae are tracked.`,
  authors: [{ name: "Eve" }],
  categories: ["q-bio.QM"],
  announced: "2026-07-01",
});

/** Text wider than Latin-1 everywhere a card shows it: title, math, abstract, authors. */
const WIDE = makePaper({
  id: "2607.00003",
  title: "Łukasiewicz logic for Λ-CDM “cosmologies” 🚀",
  abstract: "We bound the decay rate Γ of the α particle in $\\beta$-decay, with σ ≈ 3 – well within reach.",
  authors: [{ name: "Łukasz Żółć" }, { name: "Jiří Šťastný" }],
  categories: ["astro-ph.CO"],
  announced: "2026-07-01",
});

let fx: FixtureApp;
before(async () => {
  fx = await openFixtureApp([HOSTILE, WIDE]);
});
after(() => fx.close());

const resultIds = (body: string) => [...body.matchAll(/data-paper-id="([^"]+)"/g)].map((m) => m[1]!);
const totalOf = (body: string) =>
  Number(/role="status">([\d,]+) paper/.exec(body)?.[1]?.replace(/,/g, "") ?? NaN);

test("results show the count and time, titles and snippets with matched words marked", async () => {
  const { status, body } = await fetchPage(fx.app, "/search?q=diffusion");
  assert.equal(status, 200);
  const summary = /<p class="summary" role="status">([^<]+)<\/p>/.exec(body)?.[1] ?? "";
  assert.match(summary, /^\d+ papers · [\d.,]+ ms$/);
  assert.ok(Number(summary.split(" ")[0]) > 20, summary);
  assert.match(body, /<mark>[Dd]iffusion<\/mark>/);
  assert.match(decodeRefs(body), /<h1>Results for “diffusion”<\/h1>/);
  assert.match(body, /<input id="site-q" name="q" type="search" value="diffusion"/);
  assert.equal(resultIds(body).length, 20);
});

test("a results page is written in Latin-1, every wider character as a reference, whatever the papers and the query hold", async () => {
  // A page holding one wider character is a string of two bytes a character in V8, which past
  // 64k characters costs fresh memory for every copy of it (src/serve/latin1.ts).
  for (const q of ["Łukasiewicz logic", "decay σ", '"Żółć"']) {
    const { status, body } = await fetchPage(fx.app, `/search?q=${encodeURIComponent(q)}`);
    assert.equal(status, 200, q);
    assert.ok(resultIds(body).includes(WIDE.id), q);
    const wider = [...new Set([...body].filter((c) => c.codePointAt(0)! > 0xff))];
    assert.deepEqual(wider, [], `${q}: written as themselves`);
    const text = textOf(body);
    for (const shown of [`Results for “${q}”`, `${q} – Search · paperfeed`, "Λ-CDM “cosmologies” 🚀", "Łukasz Żółć", "Jiří Šťastný", "rate Γ of the", "σ ≈ 3 – well"]) {
      assert.ok(text.includes(shown), `${q}: ${shown}`);
    }
  }
});

test("paging continues where page 1 stopped, without repeating a result", async () => {
  const first = await fetchPage(fx.app, "/search?q=diffusion");
  assert.match(first.body, /href="\/search\?q=diffusion&amp;page=2" rel="next"/);
  const second = await fetchPage(fx.app, "/search?q=diffusion&page=2");
  assert.match(second.body, /<ol class="paper-list"[^>]* start="21"/);
  const overlap = resultIds(second.body).filter((id) => resultIds(first.body).includes(id));
  assert.ok(resultIds(second.body).length > 0);
  assert.deepEqual(overlap, []);
});

test("a page past the end shows the last page", async () => {
  const { body } = await fetchPage(fx.app, "/search?q=diffusion&page=99");
  const last = Math.ceil(totalOf(body) / 20);
  assert.match(body, new RegExp(`<ol class="paper-list"[^>]* start="${(last - 1) * 20 + 1}"`));
  assert.ok(resultIds(body).length > 0);
  assert.match(
    body,
    new RegExp(
      `<span class="current" aria-current="page"><span class="visually-hidden">Page </span>${last}</span>`,
    ),
  );
});

test("the category filter keeps only papers in that category and can be removed", async () => {
  const all = await fetchPage(fx.app, "/search?q=diffusion");
  const { body } = await fetchPage(fx.app, "/search?q=diffusion&cat=cs.CL");
  const ids = resultIds(body);
  assert.ok(ids.length > 0);
  assert.ok(totalOf(body) < totalOf(all.body), `${totalOf(body)} < ${totalOf(all.body)}`);
  for (const id of ids) {
    const res = await fx.app.request(`/api/v1/papers/${id}`);
    const { paper } = (await res.json()) as { paper: { categories: string[] } };
    assert.ok(paper.categories.includes("cs.CL"), `${id} is in cs.CL`);
  }
  assert.match(body, /<a class="filter-chip" href="\/search\?q=diffusion">Category cs.CL/);
  assert.match(body, /<option value="cs.CL" selected="">cs.CL<\/option>/);
});

test("has-code keeps only papers with code links, and newest-first sorts by day", async () => {
  const { body } = await fetchPage(fx.app, "/search?q=diffusion&code=1&sort=newest");
  const items = body.split('<article class="paper"').slice(1);
  assert.ok(items.length > 0);
  for (const item of items) assert.match(item, /class="code-links"/);
  const days = [...body.matchAll(/<time datetime="([\d-]+)"/g)].map((m) => m[1]!);
  assert.deepEqual([...days].sort().reverse(), days);
  assert.match(body, /<input type="checkbox" name="code" value="1" checked=""/);
});

test("a date range narrows the results to papers announced in it", async () => {
  const { body } = await fetchPage(fx.app, "/search?q=diffusion&from=2026-07-01&to=2026-07-01");
  const days = new Set([...body.matchAll(/<time datetime="([\d-]+)"/g)].map((m) => m[1]));
  assert.deepEqual([...days], ["2026-07-01"]);
  assert.match(body, /From 2026-07-01/);
});

test("a query without hits says so and suggests dropping filters and quotes", async () => {
  const { status, body } = await fetchPage(fx.app, '/search?q="quasicrystal+teleportation"&cat=cs.CL');
  assert.equal(status, 200);
  const text = textOf(body);
  assert.ok(text.includes("No papers match"), text.slice(0, 300));
  assert.match(
    body,
    /<a href="\/search\?q=%22quasicrystal\+teleportation%22">Search without the filters<\/a>/,
  );
  assert.ok(text.includes("Drop the quotes"));
  assert.match(body, /href="\/help\/search"/);
});

test("a malformed date filter is a 400 that names the value and the expected form", async () => {
  const { status, body } = await fetchPage(fx.app, "/search?q=diffusion&from=last+week");
  assert.equal(status, 400);
  assert.ok(textOf(body).includes('"last week" is not a date for "from" (use YYYY, YYYY-MM or YYYY-MM-DD)'));
});

test("matched words in hostile titles are marked while the markup stays escaped", async () => {
  const { body } = await fetchPage(fx.app, "/search?q=zebrafish");
  assert.match(body, /<mark>Zebrafish<\/mark> &lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; tracking/);
  assert.ok(!body.includes("<script>alert"));
  assert.ok(!/<img[^>]*onerror/.test(body));
});

test("an empty search explains the syntax, and the help page lists the operators", async () => {
  const intro = await fetchPage(fx.app, "/search");
  assert.equal(intro.status, 200);
  assert.match(intro.body, /<h1>Search<\/h1>/);
  assert.equal(occurrences(intro.body, 'class="paper"'), 0);
  const help = await fetchPage(fx.app, "/help/search");
  assert.equal(help.status, 200);
  for (const op of ["ti:transformer", "au:", "cat:cs.LG", "sort:newest", "+diffusion -video"]) {
    assert.ok(textOf(help.body).includes(op), op);
  }
});

test("a misspelt query that matches nothing shows its respelling's results and links the exact search", async () => {
  const { status, body } = await fetchPage(fx.app, "/search?q=difusion+modles");
  assert.equal(status, 200);
  const text = textOf(body);
  assert.ok(text.includes("No paper matches “difusion modles”; showing results for diffusion models."), text.slice(0, 400));
  assert.ok(resultIds(body).length > 5, "the respelling's results");
  assert.match(body, /<mark>[Dd]iffusion<\/mark>/, "its words marked");
  assert.match(decodeRefs(body), /href="\/search\?q=difusion\+modles&amp;exact=1">Search exactly for “difusion modles”<\/a>/);
  const exact = await fetchPage(fx.app, "/search?q=difusion+modles&exact=1");
  assert.ok(textOf(exact.body).includes("No papers match"));
  assert.match(exact.body, /Did you mean <a href="\/search\?q=diffusion\+models"><em>diffusion models<\/em><\/a>\?/);
});
