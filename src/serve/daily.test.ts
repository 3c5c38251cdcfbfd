import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type FixtureApp, fetchPage, occurrences, openFixtureApp, textOf } from "./testing/fixture-app.js";

let fx: FixtureApp;
before(async () => {
  fx = await openFixtureApp();
});
after(() => fx.close());

test("the home page shows the latest announced day with its papers and a link to the day before", async () => {
  const { status, body } = await fetchPage(fx.app, "/");
  assert.equal(status, 200);
  assert.match(body, /<h1>Wednesday, July 1, 2026<\/h1>/);
  assert.match(body, /10 papers/);
  assert.equal(occurrences(body, 'class="paper"'), 10);
  assert.match(body, /href="\/\?date=2026-06-30" rel="prev"/);
  assert.match(body, /No later day/);
  assert.match(body, /PolyFlow: Continuous Topology Embedding Flow Matching/);
});

test("a day with more papers than a page is paged, and page 2 continues the numbering", async () => {
  const first = await fetchPage(fx.app, "/?date=2026-06-29");
  assert.match(first.body, /30 papers/);
  assert.equal(occurrences(first.body, 'class="paper"'), 25);
  assert.match(first.body, /href="\/\?date=2026-06-29&amp;page=2" rel="next"/);
  const second = await fetchPage(fx.app, "/?date=2026-06-29&page=2");
  assert.equal(occurrences(second.body, 'class="paper"'), 5);
  assert.match(second.body, /<ol class="paper-list"[^>]* start="26"/);
  assert.match(second.body, /href="\/\?date=2026-06-29" rel="prev"/);
});

test("the week view groups its papers under day headings, newest day first", async () => {
  const { status, body } = await fetchPage(fx.app, "/?week=2026-W27");
  assert.equal(status, 200);
  assert.match(body, /Week 27 · Jun 29 – Jul 5, 2026/);
  assert.match(body, /52 papers/);
  const headings = [...body.matchAll(/<h2 class="day-heading">([^<]+)<\/h2>/g)].map((m) => m[1]);
  assert.deepEqual(headings, ["Wednesday, July 1, 2026", "Tuesday, June 30, 2026", "Monday, June 29, 2026"]);
});

test("the month view counts the month's papers and links to the neighbouring months that have papers", async () => {
  const { body } = await fetchPage(fx.app, "/?month=2026-06");
  assert.match(body, /<h1>June 2026<\/h1>/);
  assert.match(body, /42 papers/);
  assert.match(body, /href="\/\?month=2026-07" rel="next"/);
  // The month before with papers is years back (the old-style fixture papers), not May 2026.
  assert.match(body, /href="\/\?month=2007-0\d" rel="prev"/);
});

test("a day without papers says so and still offers both neighbours", async () => {
  const { status, body } = await fetchPage(fx.app, "/?date=2026-06-27");
  assert.equal(status, 200);
  assert.match(body, /No papers were announced on this day/);
  assert.match(body, /href="\/\?date=2026-06-29" rel="next"/);
});

test("malformed periods are a 400 that says what was expected", async () => {
  for (const [query, expected] of [
    ["date=2026-02-30", 'date "2026-02-30" is not valid (expected YYYY-MM-DD)'],
    ["week=2026-W54", "expected YYYY-Www"],
    ["month=2026-13", "expected YYYY-MM"],
  ] as const) {
    const { status, body } = await fetchPage(fx.app, `/?${query}`);
    assert.equal(status, 400, query);
    assert.ok(textOf(body).includes(expected), `${query}: ${textOf(body).slice(0, 400)}`);
  }
});

test("/new lists the newest papers first across days, paged", async () => {
  const { status, body } = await fetchPage(fx.app, "/new");
  assert.equal(status, 200);
  assert.match(body, /59 papers in all/);
  assert.equal(occurrences(body, 'class="paper"'), 25);
  assert.match(body, /href="\/new\?page=3"/);
  const days = [...body.matchAll(/<time datetime="([\d-]+)"/g)].map((m) => m[1]!);
  assert.equal(days[0], "2026-07-01");
  assert.deepEqual([...days].sort().reverse(), days);
});

test("a category narrows the day to its papers, and every link keeps it", async () => {
  const { status, body } = await fetchPage(fx.app, "/?date=2026-06-29&cat=cs.CV");
  assert.equal(status, 200);
  const count = Number(/(\d+) papers in cs\.CV/.exec(body)?.[1]);
  assert.ok(count > 0 && count < 30, `${count} of the day's 30 papers are in cs.CV`);
  const ids = [...body.matchAll(/data-paper-id="([^"]+)"/g)].map((m) => m[1]!);
  assert.equal(ids.length, Math.min(count, 25));
  const papers = await Promise.all(ids.map((id) => fx.store.getPaper(id)));
  for (const paper of papers) assert.ok(paper?.categories.includes("cs.CV"), paper?.id);
  assert.match(body, /href="\/\?date=2026-06-30&amp;cat=cs\.CV" rel="next"/);
  assert.match(body, /href="\/\?week=2026-W27&amp;cat=cs\.CV"/);
  assert.match(body, /<option value="cs.CV" selected="">cs.CV<\/option>/);
});
