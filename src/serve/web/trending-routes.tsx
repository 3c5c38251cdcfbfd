/**
 * `/trending` and `/trending?cat=…`: what is trending now (src/serve/present/trending.ts), on the
 * shared cards with thumbnails, star counts and the community's counts — the latter from the
 * activity the ranking already read, so a page asks for it once.
 */
import type { Hono } from "hono";
import { TRENDING_WINDOW_DAYS, trendingNow } from "../present/trending.js";
import type { CommunityWebDeps } from "./community-deps.js";
import { attachActivity } from "./present/activity.js";
import { attachStars } from "./present/stars.js";
import { summarize } from "./present/summary.js";
import { attachThumbnails } from "./present/thumbnails.js";
import { TrendingPage } from "./trending-page.js";

const SHOWN = 30;

export function mountTrendingRoutes(app: Hono, deps: CommunityWebDeps): void {
  app.get("/trending", async (c) => {
    const cat = c.req.query("cat")?.trim() || null;
    const { entries: top, categories, lastDay, activity } = await trendingNow(deps, { category: cat, limit: SHOWN });
    const entries = top.map((r) => ({ paper: summarize(r.paper), score: r.score, parts: r.parts }));
    const cards = entries.map((e) => e.paper);
    const here = cat ? `/trending?cat=${encodeURIComponent(cat)}` : "/trending";
    await Promise.all([attachThumbnails(deps, cards), attachStars(deps, cards), attachActivity(deps, cards, here, activity)]);
    const today = (deps.clock?.() ?? new Date()).toISOString().slice(0, 10);
    return c.html(<TrendingPage view={{ entries, category: cat, categories, windowDays: TRENDING_WINDOW_DAYS, hasMath: entries.some((e) => e.paper.hasMath), here, lastDay, today }} />);
  });
}
