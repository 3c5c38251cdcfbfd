/**
 * `/trending` and `/trending?cat=…`: what is trending now (src/serve/present/trending.ts), on the
 * shared cards with thumbnails, star counts and the community's counts — the latter from the
 * activity the ranking already read, so a page asks for it once.
 */
import type { Hono } from "hono";
import { PaperfeedError } from "../../../core/errors.js";
import { trendingNow } from "../../present/trending.js";
import type { CommunityWebDeps } from "../community-deps.js";
import { attachCardParts } from "../present/card-parts.js";
import { hereOf } from "../present/activity.js";
import { summarize } from "../present/summary.js";
import { TrendingPage } from "./page.js";

const SHOWN = 30;

/** A day of the range as the date inputs send it; anything else is the reader's to fix (400). */
function checkedDay(name: string, raw: string | undefined): string {
  const value = raw?.trim() ?? "";
  if (!value) return "";
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value)
    throw new PaperfeedError("serve", "bad_date", `${name} "${value.slice(0, 40)}" is not a date (YYYY-MM-DD)`, 400);
  return value;
}

export function mountTrendingRoutes(app: Hono, deps: CommunityWebDeps): void {
  app.get("/trending", async (c) => {
    const cat = c.req.query("cat")?.trim() || null;
    const from = checkedDay("from", c.req.query("from"));
    const to = checkedDay("to", c.req.query("to"));
    if (from && to && from > to) throw new PaperfeedError("serve", "bad_range", `from ${from} is after to ${to}`, 400);
    const trending = await trendingNow(deps, { category: cat, limit: SHOWN, ...(from ? { from } : {}), ...(to ? { to } : {}) });
    const { entries: top, categories, lastDay, activity } = trending;
    const entries = top.map((r) => ({ paper: summarize(r.paper), score: r.score, parts: r.parts }));
    const cards = entries.map((e) => e.paper);
    const here = hereOf(c.req.url);
    await attachCardParts(deps, cards, here, activity);
    const today = (deps.clock?.() ?? new Date()).toISOString().slice(0, 10);
    const asked = Boolean(from || to);
    return c.html(<TrendingPage view={{ entries, category: cat, categories, windowDays: trending.windowDays, firstDay: trending.firstDay, asked, hasMath: entries.some((e) => e.paper.hasMath), here, lastDay, today }} />);
  });
}
