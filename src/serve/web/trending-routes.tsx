/**
 * `/trending` and `/trending?cat=…`: what is trending now (src/serve/present/trending.ts), with the
 * viewer's own upvotes, thumbnails and star counts.
 */
import type { Hono } from "hono";
import { TRENDING_WINDOW_DAYS, trendingNow } from "../present/trending.js";
import { currentViewer } from "../middleware/session.js";
import type { CommunityWebDeps } from "./community-deps.js";
import { summarize } from "./present/summary.js";
import { attachStars } from "./present/stars.js";
import { attachThumbnails } from "./present/thumbnails.js";
import { TrendingPage } from "./trending-page.js";

const SHOWN = 30;

export function mountTrendingRoutes(app: Hono, deps: CommunityWebDeps): void {
  app.get("/trending", async (c) => {
    const cat = c.req.query("cat")?.trim() || null;
    const { entries: top, categories, lastDay } = await trendingNow(deps, { category: cat, limit: SHOWN });
    const user = currentViewer()?.user;
    const community = await deps.community();
    const voted = user ? await community.votedPapers(user.id, top.map((r) => r.paper.id)) : new Set<string>();
    const entries = top.map((r) => ({ paper: summarize(r.paper), score: r.score, parts: r.parts, votes: r.votes, voted: voted.has(r.paper.id) }));
    const cards = entries.map((e) => e.paper);
    await Promise.all([attachThumbnails(deps, cards), attachStars(deps, cards)]);
    const here = cat ? `/trending?cat=${encodeURIComponent(cat)}` : "/trending";
    const today = (deps.clock?.() ?? new Date()).toISOString().slice(0, 10);
    return c.html(<TrendingPage view={{ entries, category: cat, categories, windowDays: TRENDING_WINDOW_DAYS, hasMath: entries.some((e) => e.paper.hasMath), here, lastDay, today }} />);
  });
}
