/** Suggestions as you type: prefix look-ups over author names, title words and categories, and titles from the engine. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { makePaper } from "../../../core/make-paper.js";
import { type FixtureApp, openFixtureApp } from "../../testing/fixture-app.js";
import { buildTables, byPrefix, createSuggester } from "./suggest.js";

const paper = (id: string, title: string, names: string[], categories: string[]) => ({
  ...makePaper({
    id,
    title,
    abstract: "An abstract.",
    authors: names.map((name) => ({ name, keyname: name.split(" ").at(-1)!, forenames: name.split(" ")[0]! })),
    categories,
  }),
  announced: "2027-04-06",
});
const papers = [
  paper("2704.00001", "Diffusion models for \\emph{graphs}", ["Yann LeCun", "Ada Lovelace"], ["cs.LG"]),
  paper("2704.00002", "Diffusion transformers", ["Yann LeCun"], ["cs.CV", "cs.LG"]),
  paper("2704.00003", "Differential privacy at scale", ["Émile Borel"], ["cs.CR"]),
];

let fx: FixtureApp;
before(async () => {
  fx = await openFixtureApp(papers);
});
after(() => fx.close());

test("names are found by any of their words, accents folded; the commonest first", () => {
  const t = buildTables(papers);
  assert.deepEqual(byPrefix(t.authors, "lec", 5), ["Yann LeCun"]);
  assert.deepEqual(byPrefix(t.authors, "yan", 5), ["Yann LeCun"]);
  assert.deepEqual(byPrefix(t.authors, "emi", 5), ["Émile Borel"]);
  assert.deepEqual(byPrefix(t.words, "dif", 5), ["diffusion", "differential"]);
  assert.deepEqual(byPrefix(t.categories, "cs.c", 5), ["cs.CR", "cs.CV"]);
});

test("the endpoint answers titles (as text), authors and categories for a half-typed query", async () => {
  const res = await fx.app.request("/search/suggest?q=diffus");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("server-timing") ?? "", /^suggest;dur=\d+(\.\d)?$/);
  const answer = (await res.json()) as Awaited<ReturnType<ReturnType<typeof createSuggester>["suggest"]>>;
  const titles = answer.titles.map((t) => t.title);
  assert.ok(titles.includes("Diffusion models for graphs") && titles.includes("Diffusion transformers"), titles.join("; "));
  assert.ok(titles.length <= 5 && titles.every((t) => /diffusion/i.test(t)));
  const lecun = (await (await fx.app.request("/search/suggest?q=yann%20lec")).json()) as typeof answer;
  assert.deepEqual(lecun.authors, [{ name: "Yann LeCun", href: "/authors/Yann%20LeCun" }]);
  const empty = (await (await fx.app.request("/search/suggest?q=")).json()) as typeof answer;
  assert.deepEqual([empty.titles, empty.authors, empty.categories], [[], [], []]);
});
