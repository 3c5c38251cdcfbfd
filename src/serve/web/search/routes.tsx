/** `/search` (the results page), `/help/search` (the query language) and `/search/suggest` (as-you-type). */
import type { Hono } from "hono";
import { paperHref } from "../format.js";
import { HelpPage } from "../help-page.js";
import type { PageDeps, PageKit } from "../page-kit.js";
import { hereOf } from "../present/activity.js";
import { attachCardParts } from "../present/card-parts.js";
import { pastedPaperId } from "../present/pasted-id.js";
import { SearchPage } from "./page.js";
import { presentSearch } from "./present.js";
import { createSuggester } from "./suggest.js";

export function mountSearchPages(app: Hono, deps: PageDeps, kit: PageKit): void {
  app.get("/search", async (c) => {
    // A pasted arXiv id, arXiv address or arXiv DOI opens the paper.
    const pasted = pastedPaperId(c.req.query("q") ?? "");
    if (pasted) return c.redirect(paperHref(pasted), 302);
    const view = await presentSearch(deps, c.req.query());
    await attachCardParts(kit.cards, view.results, hereOf(c.req.url));
    const status = view.state === "invalid" ? 400 : 200;
    return c.html(
      <SearchPage view={view} categories={view.state === "intro" ? [] : await kit.categories()} mailOn={Boolean(deps.config?.smtpUrl)} />,
      status,
    );
  });

  app.get("/help/search", (c) => c.html(<HelpPage />));

  // Suggestions as you type (enhance.js); the plain form needs none of it. Server time in Server-Timing.
  const suggester = createSuggester(deps);
  app.get("/search/suggest", async (c) => {
    const started = process.hrtime.bigint();
    const answer = await suggester.suggest(c.req.query("q") ?? "");
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    c.header("Server-Timing", `suggest;dur=${ms.toFixed(1)}`);
    c.header("Cache-Control", "public, max-age=300");
    return c.json(answer);
  });
}
