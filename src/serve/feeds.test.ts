/**
 * Every feed, in every format, read back by a maintained feed parser (@rowanmanning/feed-parser
 * for Atom and RSS; JSON Feed 1.1 checked field by field): same entries and ids in all formats,
 * stable from one fetch to the next.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { BASE, DAY2 } from "../deliver/testing/delivery-fixture.js";
import { openDeliveryApp, type DeliveryApp } from "./testing/delivery-app.js";

interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  items: Array<{
    id: string;
    url: string;
    title: string;
    date_modified?: string;
    date_published?: string;
    authors?: unknown[];
  }>;
}

let f: DeliveryApp;
before(async () => (f = await openDeliveryApp({ mail: false })));
after(() => f.close());

async function read(path: string): Promise<{ ids: string[]; titles: string[]; type: string }> {
  const res = await f.app.request(path);
  assert.equal(res.status, 200, path);
  const type = res.headers.get("content-type")!;
  const body = await res.text();
  if (path.includes(".json")) {
    const feed = JSON.parse(body) as JsonFeed;
    assert.equal(feed.version, "https://jsonfeed.org/version/1");
    assert.ok(
      feed.title && feed.home_page_url.startsWith(BASE) && feed.feed_url.startsWith(`${BASE}/feeds/`),
      path,
    );
    for (const item of feed.items)
      assert.ok(
        item.id && item.url && item.title && (item.date_modified || item.date_published),
        JSON.stringify(item),
      );
    return { ids: feed.items.map((i) => i.id), titles: feed.items.map((i) => i.title), type };
  }
  const feed = parseFeed(body);
  assert.ok(feed.title, `${path}: no title`);
  for (const item of feed.items)
    assert.ok(
      item.url?.startsWith(`${BASE}/papers/`) && item.updated instanceof Date && item.authors.length > 0,
      path,
    );
  // RSS has no entry id apart from guid; the parser reads it as the id.
  return { ids: feed.items.map((i) => i.id ?? ""), titles: feed.items.map((i) => i.title ?? ""), type };
}

describe("feeds", () => {
  for (const [name, query] of [
    ["daily", ""],
    ["daily", `?day=2024-01-15`],
    ["trending", ""],
    ["search", "?q=quantum"],
  ] as const) {
    it(`${name}${query}: Atom, RSS and JSON Feed parse, with the same entries and stable ids`, async () => {
      const atom = await read(`/feeds/${name}.atom${query}`);
      const rss = await read(`/feeds/${name}.rss${query}`);
      const json = await read(`/feeds/${name}.json${query}`);
      assert.match(atom.type, /^application\/atom\+xml/);
      assert.match(rss.type, /^application\/rss\+xml/);
      assert.match(json.type, /^application\/feed\+json/);
      assert.ok(atom.ids.length > 0, "empty feed");
      assert.deepEqual(rss.ids, atom.ids);
      assert.deepEqual(json.ids, atom.ids);
      assert.deepEqual(json.titles, atom.titles);
      for (const id of atom.ids) assert.match(id, new RegExp(`^${BASE}/papers/\\d{4}\\.\\d{5}$`));
      assert.deepEqual(
        (await read(`/feeds/${name}.atom${query}`)).ids,
        atom.ids,
        "ids changed between fetches",
      );
    });
  }

  it("the daily feed is the newest announcement day unless ?day= names another", async () => {
    const newest = await f.store.listAnnounced(DAY2, DAY2, { limit: 100 });
    assert.deepEqual(
      new Set((await read("/feeds/daily.atom")).ids),
      new Set(newest.map((p) => `${BASE}/papers/${p.id}`)),
    );
  });

  it("a search feed needs a query; unknown feeds and formats are 404", async () => {
    assert.equal((await f.app.request("/feeds/search.atom")).status, 400);
    assert.equal((await f.app.request("/feeds/weekly.atom")).status, 404);
    assert.equal((await f.app.request("/feeds/daily.xml")).status, 404);
    assert.equal((await f.app.request("/feeds/saved/1.atom?key=x")).status, 404);
  });

  it("the OpenSearch description points the browser at the search page and the search feed", async () => {
    const res = await f.app.request("/opensearch.xml");
    assert.match(res.headers.get("content-type")!, /^application\/opensearchdescription\+xml/);
    const xml = await res.text();
    assert.match(
      xml,
      /<Url type="text\/html" method="get" template="http:\/\/papers.test\/search\?q=\{searchTerms\}"\/>/,
    );
    assert.match(
      xml,
      /<Url type="application\/atom\+xml" method="get" template="http:\/\/papers.test\/feeds\/search.atom\?q=\{searchTerms\}"\/>/,
    );
  });
});
