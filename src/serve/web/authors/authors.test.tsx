/** Author pages over the app: newest first, exact names only, co-authors and categories, paging, links from every card, a 404 that offers the search. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { makePaper } from "../../../core/make-paper.js";
import type { Paper } from "../../../core/paper.js";
import { type FixtureApp, fetchPage, openFixtureApp } from "../../testing/fixture-app.js";
import { AUTHOR_PAGE_SIZE, nameKey } from "./present.js";

const paper = (n: number, authors: string[], announced: string, categories = ["math.LO"]): Paper => ({
  ...makePaper({
    id: `2701.${String(n).padStart(5, "0")}`,
    title: `On formally undecidable propositions, part ${n}`,
    abstract: "Every consistent formal system of a certain strength has true statements it cannot prove.",
    authors: authors.map((name) => ({ name, keyname: name.split(" ").at(-1)!, forenames: name.split(" ").slice(0, -1).join(" ") })),
    categories,
  }),
  announced,
});

const GODEL = "Kurt Gödel";
const many = Array.from({ length: AUTHOR_PAGE_SIZE + 2 }, (_, i) => paper(100 + i, [GODEL], "2027-01-01"));
const extra = [
  paper(1, [GODEL, "Alonzo Church"], "2027-01-10", ["math.LO", "cs.LO"]),
  paper(2, ["Alonzo Church", GODEL], "2027-01-20"),
  paper(3, ["Gödel Kurt Junior"], "2027-01-30"),
  ...many,
];

let fx: FixtureApp;
before(async () => {
  fx = await openFixtureApp(extra);
});
after(() => fx.close());

const ids = (body: string) => [...body.matchAll(/data-paper-id="([^"]+)"/g)].map((m) => m[1]);

test("an author's page: their papers newest first, only exact name matches, co-authors and categories", async () => {
  const { status, body } = await fetchPage(fx.app, `/authors/${encodeURIComponent(GODEL)}`);
  assert.equal(status, 200);
  assert.match(body, /<h1>Kurt Gödel<\/h1>/);
  assert.match(body, new RegExp(`${AUTHOR_PAGE_SIZE + 4} papers here, newest first`));
  assert.deepEqual(ids(body).slice(0, 2), ["2701.00002", "2701.00001"]);
  assert.ok(!ids(body).includes("2701.00003"), "“Gödel Kurt Junior” is someone else");
  assert.match(body, /href="\/authors\/Alonzo%20Church">Alonzo Church<\/a> <span class="muted">2</);
  assert.match(body, /cat%3Acs\.LO">cs\.LO<\/a> <span class="muted">1</);
  assert.match(body, /href="\/search\?q=au%3A%22Kurt%20G%C3%B6del%22">search as au:<\/a>/, "the au: search stays one click away");
});

test("the page is found without accents or with other spacing, and pages its papers", async () => {
  const plain = await fetchPage(fx.app, "/authors/kurt%20%20godel");
  assert.equal(plain.status, 200);
  assert.match(plain.body, /<h1>Kurt Gödel<\/h1>/, "named as the papers spell it");
  const second = await fetchPage(fx.app, `/authors/${encodeURIComponent(GODEL)}?page=2`);
  assert.equal(ids(second.body).length, AUTHOR_PAGE_SIZE + 4 - AUTHOR_PAGE_SIZE);
  assert.match(second.body, /rel="prev"/);
});

test("every author name on a card and on the paper page links to the author's page", async () => {
  const home = await fetchPage(fx.app, "/?date=2027-01-20");
  assert.match(home.body, /<a href="\/authors\/Alonzo%20Church">Alonzo Church<\/a>/);
  const page = await fetchPage(fx.app, "/papers/2701.00002");
  assert.match(page.body, /<a href="\/authors\/Kurt%20G%C3%B6del">Kurt Gödel<\/a>/);
});

test("an unknown author is a 404 that offers the au: search", async () => {
  const { status, body } = await fetchPage(fx.app, "/authors/Nobody%20Atall");
  assert.equal(status, 404);
  assert.match(body, /No paper here lists an author named “Nobody Atall”/);
  assert.match(body, /value="au:&quot;Nobody Atall&quot;"/);
});

test("names match across accents, case, dots and spacing, not across initials", () => {
  assert.equal(nameKey("Kurt  Gödel"), nameKey("kurt godel"));
  assert.equal(nameKey("J. R. R. Tolkien"), nameKey("J R R Tolkien"));
  assert.notEqual(nameKey("K. Gödel"), nameKey("Kurt Gödel"));
});
