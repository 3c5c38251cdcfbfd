/** `/`: a day's papers (or a week's, a month's), and `/new`: the newest papers stored. */
import type { Hono } from "hono";
import { todayUtc } from "../components/newest-day.js";
import type { PageDeps, PageKit } from "../page-kit.js";
import { hereOf } from "../present/activity.js";
import { attachCardParts } from "../present/card-parts.js";
import { rangeTarget } from "../present/periods.js";
import { NewPage } from "./new-page.js";
import { presentNewest } from "./new-present.js";
import { DailyPage, EmptyDailyPage } from "./page.js";
import { presentDaily } from "./present.js";

export function mountDailyPages(app: Hono, deps: PageDeps, kit: PageKit): void {
  app.get("/", async (c) => {
    // The list filter's range: a day, week or month stays here, any other range is a search.
    const target = rangeTarget(c.req.query());
    if (target) return c.redirect(target, 302);
    const view = await presentDaily(deps, c.req.query(), todayUtc());
    if (view) await attachCardParts(kit.cards, view.groups.flatMap((g) => g.papers), hereOf(c.req.url));
    return c.html(view ? <DailyPage view={view} categories={await kit.categories()} /> : <EmptyDailyPage />);
  });

  app.get("/new", async (c) => {
    // Filtered, the newest papers are the newest-first search of the category and range.
    const target = rangeTarget(c.req.query(), true);
    if (target) return c.redirect(target, 302);
    const view = await presentNewest(deps.store, c.req.query("page"));
    await attachCardParts(kit.cards, view.papers, hereOf(c.req.url));
    return c.html(<NewPage view={view} categories={await kit.categories()} />);
  });
}
