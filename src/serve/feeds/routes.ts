/**
 * Feeds of every list: the newest announcement day (or ?day=), trending over the last 7
 * announcement days, any search (?q=, newest first) and each saved search (by id, with the key
 * from its subscriber's links) — each as .atom, .rss and .json — and the OpenSearch description
 * that lets browsers add the search box.
 */
import type { Context, Hono } from "hono";
import { createExclusionTest } from "../../actions/digest/exclude.js";
import { feedKey } from "../../actions/subscriptions/links.js";
import type { Paper } from "../../core/paper.js";
import { rankTrending } from "../../rank/trending.js";
import type { SearchEngine } from "../../search/types.js";
import type { DeliveryStore } from "../../store/delivery-types.js";
import type { Store } from "../../store/types.js";
import { FEED_FORMATS, buildFeed, type FeedFormat, type FeedInput } from "./build.js";
import { openSearchXml } from "./opensearch.js";

export interface FeedDeps {
  store: Store;
  search: SearchEngine;
  /** Public base URL. */
  base: string;
  /** Saved-search feeds need it; without it they answer 404. */
  delivery?: () => Promise<DeliveryStore | null>;
}

/** Entries per search or saved-search feed, and per trending feed. */
const FEED_SIZE = 50;
/**
 * Entries per page of a day's feed (a busy day has 1,000 and more; the whole day was 745 KB).
 * 100 full abstracts are about 200 KB before compression; further pages follow by `rel="next"`.
 */
export const DAILY_FEED_PAGE = 100;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function split(file: string): { name: string; format: FeedFormat } | null {
  const m = /^([a-z0-9-]+)\.(atom|rss|json)$/.exec(file);
  return m ? { name: m[1]!, format: m[2] as FeedFormat } : null;
}

const send = (c: Context, input: FeedInput, format: FeedFormat) =>
  c.body(buildFeed(input, format), 200, {
    "content-type": FEED_FORMATS[format],
    "cache-control": "public, max-age=600",
  });

export function mountFeeds(app: Hono, deps: FeedDeps): void {
  const { base } = deps;
  const searchPapers = async (q: string, exclude: readonly string[] = []): Promise<Paper[]> => {
    const hits = deps.search.search({
      q,
      sort: "newest",
      limit: exclude.length ? FEED_SIZE * 3 : FEED_SIZE,
    }).hits;
    const papers = await deps.store.getPapers(hits.map((h) => h.id));
    const excluded = createExclusionTest();
    return papers.filter((p) => !excluded(p, exclude)).slice(0, FEED_SIZE);
  };

  app.get("/opensearch.xml", (c) =>
    c.body(openSearchXml(base), 200, {
      "content-type": "application/opensearchdescription+xml; charset=utf-8",
    }),
  );

  app.get("/feeds/:file", async (c) => {
    const parts = split(c.req.param("file"));
    if (!parts) return c.notFound();
    const { name, format } = parts;
    const common = { base, feedBase: `${base}/feeds/${name}` };
    if (name === "daily") {
      const asked = c.req.query("day");
      const day = asked && DAY.test(asked) ? asked : (await deps.store.announcedDays({ limit: 1 }))[0]?.day;
      const page = Math.max(1, Math.min(1000, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
      const [papers, total] = day
        ? await Promise.all([
            deps.store.listAnnounced(day, day, { limit: DAILY_FEED_PAGE, offset: (page - 1) * DAILY_FEED_PAGE }),
            deps.store.countAnnounced(day, day),
          ])
        : [[], 0];
      // Later pages name their day, so they stay the same list after the next announcement.
      const pinned = (n: number) => `?day=${day}${n > 1 ? `&page=${n}` : ""}`;
      const query = page > 1 ? pinned(page) : asked && DAY.test(asked) ? `?day=${asked}` : "";
      return send(
        c,
        {
          ...common,
          query,
          title: `paperfeed: papers announced ${day ?? "(none yet)"}${page > 1 ? ` (page ${page})` : ""}`,
          description: "New arXiv papers of one announcement day",
          pageUrl: `${base}/${day ? `?date=${day}` : ""}`,
          papers,
          nextQuery: page * DAILY_FEED_PAGE < total ? pinned(page + 1) : null,
        },
        format,
      );
    }
    if (name === "trending") {
      const days = await deps.store.announcedDays({ limit: 7 });
      const papers = days.length
        ? await deps.store.listAnnounced(days.at(-1)!.day, days[0]!.day, { limit: 1000 })
        : [];
      const byId = new Map(papers.map((p) => [p.id, p]));
      const top = rankTrending(papers, { lastDay: days[0]?.day, windowDays: 7 })
        .slice(0, FEED_SIZE)
        .map((r) => byId.get(r.id)!);
      return send(
        c,
        {
          ...common,
          query: "",
          title: "paperfeed: trending papers",
          description:
            "Trending papers of the last 7 announcement days (code links, cross-listing, venue, recency)",
          pageUrl: `${base}/`,
          papers: top,
        },
        format,
      );
    }
    if (name === "search") {
      const q = (c.req.query("q") ?? "").trim();
      if (!q) return c.text("feeds: a search feed needs ?q=\n", 400);
      const query = `?q=${encodeURIComponent(q)}`;
      return send(
        c,
        {
          ...common,
          query,
          title: `paperfeed: ${q}`,
          description: `Newest papers matching ${q}`,
          pageUrl: `${base}/search${query}&sort=newest`,
          papers: await searchPapers(q),
        },
        format,
      );
    }
    return c.notFound();
  });

  app.get("/feeds/saved/:file", async (c) => {
    const parts = split(c.req.param("file"));
    const delivery = await deps.delivery?.();
    if (!parts || !/^\d+$/.test(parts.name) || !delivery) return c.notFound();
    const search = await delivery.getSavedSearch(Number(parts.name));
    const key = c.req.query("key") ?? "";
    if (!search || key !== feedKey(await delivery.secret("links"), search.id)) return c.notFound();
    const query = `?key=${key}`;
    const papers = await searchPapers(search.query, search.exclude);
    const input = {
      base,
      feedBase: `${base}/feeds/saved/${search.id}`,
      query,
      title: `paperfeed: ${search.name}`,
      description: `Newest papers matching ${search.query}`,
      pageUrl: `${base}/search?q=${encodeURIComponent(search.query)}&sort=newest`,
      papers,
    };
    return send(c, input, parts.format);
  });
}
