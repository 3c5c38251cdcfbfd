/**
 * `/trending` and `/trending?cat=…`: the papers announced in the last week of the store plus
 * every paper with community activity in the last two weeks, scored by rank/trending.ts with the
 * community parts. The decayed counts are kept up to date by each vote, comment and collection
 * add (incrementally, in the store), so a page only reads them and sums.
 */
import type { Hono } from "hono";
import type { Paper } from "../../core/paper.js";
import { rankTrending } from "../../rank/trending.js";
import type { CommunityWebDeps } from "./community-deps.js";
import { summarize } from "./present/summary.js";
import { attachStars } from "./present/stars.js";
import { attachActivity } from "./present/activity.js";
import { attachThumbnails } from "./present/thumbnails.js";
import { TrendingPage } from "./trending-page.js";

const WINDOW_DAYS = 7;
/** How far back community activity makes a paper a candidate. */
const ACTIVE_DAYS = 14;
const SHOWN = 30;
const CATEGORY_TABS = 12;
const DAY_MS = 86_400_000;

const minusDays = (day: string, n: number) => new Date(Date.parse(day) - n * DAY_MS).toISOString().slice(0, 10);

export function mountTrendingRoutes(app: Hono, deps: CommunityWebDeps): void {
  app.get("/trending", async (c) => {
    const community = await deps.community();
    const now = (deps.clock?.() ?? new Date()).toISOString();
    const lastDay = (await deps.store.announcedDays({ limit: 1 }))[0]?.day ?? now.slice(0, 10);
    const recent = await deps.store.listAnnounced(minusDays(lastDay, WINDOW_DAYS - 1), lastDay, { limit: 1000 });
    const active = await community.activeSince(new Date(Date.parse(now) - ACTIVE_DAYS * DAY_MS).toISOString(), 500);
    const byId = new Map<string, Paper>(recent.map((p) => [p.id, p]));
    for (const p of await deps.store.getPapers(active.map((a) => a.paperId).filter((id) => !byId.has(id)))) byId.set(p.id, p);
    const papers = [...byId.values()];

    const counts = new Map<string, number>();
    for (const p of papers) counts.set(p.primaryCategory, (counts.get(p.primaryCategory) ?? 0) + 1);
    const categories = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, CATEGORY_TABS).map(([cat]) => cat);
    const cat = c.req.query("cat")?.trim() || null;
    if (cat && !categories.includes(cat)) categories.push(cat);

    const pool = cat ? papers.filter((p) => p.categories.includes(cat)) : papers;
    const activity = await community.activityOf(pool.map((p) => p.id));
    const top = rankTrending(pool, { lastDay, windowDays: WINDOW_DAYS, activity, now }).slice(0, SHOWN);
    const entries = top.map((r) => ({ paper: summarize(byId.get(r.id)!), score: r.score, parts: r.parts }));
    const cards = entries.map((e) => e.paper);
    const here = cat ? `/trending?cat=${encodeURIComponent(cat)}` : "/trending";
    // The ranking already read every candidate's activity: the cards' counts come from it.
    await Promise.all([attachThumbnails(deps, cards), attachStars(deps, cards), attachActivity(deps, cards, here, activity)]);
    return c.html(<TrendingPage view={{ entries, category: cat, categories, windowDays: WINDOW_DAYS, hasMath: entries.some((e) => e.paper.hasMath), here, lastDay, today: now.slice(0, 10) }} />);
  });
}
