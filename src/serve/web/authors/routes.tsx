/**
 * `/authors/NAME`: an author's page. Every author name on the site links here (components/
 * authors.tsx); the search's `au:` field still finds papers by name parts. An author no stored
 * paper lists answers 404 with a link to that search.
 */
import type { Hono } from "hono";
import { NotFoundPage } from "../error-page.js";
import type { PageDeps, PageKit } from "../page-kit.js";
import { attachCardParts } from "../present/card-parts.js";
import { hereOf } from "../present/activity.js";
import { authorFollowAction } from "./follow-button.js";
import { AuthorPage } from "./page.js";
import { authorHref } from "../format.js";
import { presentAuthor } from "./present.js";

/** Names longer than this are not names (the longest in arXiv's metadata are under 100). */
const MAX_NAME = 200;

export function mountAuthorPages(app: Hono, deps: PageDeps, kit: PageKit): void {
  app.get("/authors/:name{.+}", async (c) => {
    const name = c.req.param("name").replace(/\s+/g, " ").trim();
    const view = name && name.length <= MAX_NAME ? await presentAuthor(deps, name, c.req.query("page")) : null;
    if (!view) return c.html(<NotFoundPage message={`No paper here lists an author named “${name.slice(0, MAX_NAME)}”.`} guess={`au:"${name.slice(0, MAX_NAME).replace(/"/g, "")}"`} />, 404);
    const [follow] = await Promise.all([
      authorFollowAction(kit.cards, view.name),
      attachCardParts(kit.cards, view.papers, hereOf(c.req.url)),
    ]);
    view.canonical = new URL(authorHref(view.name), deps.config.baseUrl).href;
    return c.html(<AuthorPage view={view} actions={follow ?? undefined} />);
  });
}
