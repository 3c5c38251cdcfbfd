/**
 * The reading pages, each feature's routes from its folder: a day's papers and the newest
 * (daily/), search (search/), authors (authors/) and a paper (paper/). Each handler asks its
 * presenter for a view model and renders one page component; the presenters hold the logic, the
 * components only markup.
 */
import type { Hono } from "hono";
import { mountAuthorPages } from "./authors/routes.js";
import { mountDailyPages } from "./daily/routes.js";
import { type PageDeps, pageKitOf } from "./page-kit.js";
import { mountPaperPage } from "./paper/routes.js";
import { mountSearchPages } from "./search/routes.js";

export function mountPages(app: Hono, deps: PageDeps): void {
  const kit = pageKitOf(deps);
  mountDailyPages(app, deps, kit);
  mountSearchPages(app, deps, kit);
  mountAuthorPages(app, deps, kit);
  mountPaperPage(app, deps, kit);
}
