/** A busy day's feed comes in pages of DAILY_FEED_PAGE entries, linked by rel="next" in every format, with nothing lost or repeated. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { makePaper } from "../../core/make-paper.js";
import type { Paper } from "../../core/paper.js";
import { type FixtureApp, openFixtureApp } from "../testing/fixture-app.js";
import { DAILY_FEED_PAGE } from "./routes.js";

const BUSY_DAY = "2027-03-02";
const COUNT = DAILY_FEED_PAGE + 30;

const papers: Paper[] = Array.from({ length: COUNT }, (_, n) => ({
  ...makePaper({
    id: `2703.${String(n + 1).padStart(5, "0")}`,
    title: `Busy day paper ${n + 1}`,
    abstract: "An abstract long enough to be a real one, or nearly.",
    authors: [{ name: "Ada Lovelace", keyname: "Lovelace", forenames: "Ada" }],
    categories: ["cs.LG"],
  }),
  announced: BUSY_DAY,
}));

let fx: FixtureApp;
before(async () => {
  fx = await openFixtureApp(papers);
});
after(() => fx.close());

const get = async (path: string) => (await fx.app.request(path)).text();

test("the daily feed pages: Atom and RSS link rel=next, JSON Feed has next_url, the last page has none", async () => {
  const first = await get(`/feeds/daily.atom?day=${BUSY_DAY}`);
  assert.equal(first.match(/<entry>/g)?.length, DAILY_FEED_PAGE);
  const next = /<link rel="next" href="([^"]+)"\/>/.exec(first)?.[1]?.replace(/&amp;/g, "&");
  assert.match(next ?? "", new RegExp(`/feeds/daily\\.atom\\?day=${BUSY_DAY}&page=2$`));
  const second = await get(new URL(next!).pathname + new URL(next!).search);
  assert.equal(second.match(/<entry>/g)?.length, COUNT - DAILY_FEED_PAGE);
  assert.doesNotMatch(second, /rel="next"/);
  const ids = [...`${first}${second}`.matchAll(/<id>([^<]*\/papers\/[^<]*)<\/id>/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, COUNT, "every paper once");

  const rss = await get(`/feeds/daily.rss?day=${BUSY_DAY}`);
  assert.match(rss, /<atom:link href="[^"]+\/feeds\/daily\.rss\?day=2027-03-02&amp;page=2" rel="next" type="application\/rss\+xml"\/>/);
  const json = JSON.parse(await get(`/feeds/daily.json?day=${BUSY_DAY}`)) as { next_url?: string; items: unknown[] };
  assert.equal(json.items.length, DAILY_FEED_PAGE);
  assert.match(json.next_url ?? "", /\/feeds\/daily\.json\?day=2027-03-02&page=2$/);
  assert.equal((JSON.parse(await get(`/feeds/daily.json?day=${BUSY_DAY}&page=2`)) as { next_url?: string }).next_url, undefined);
});

test("the newest day's feed without ?day= pins its day in the next link", async () => {
  const feed = await get("/feeds/daily.atom");
  assert.match(feed, new RegExp(`rel="next" href="[^"]+\\?day=${BUSY_DAY}&amp;page=2"`));
});
