/** `/papers/<arXiv id>`: one paper, fetched from arXiv on first visit when the site may. */
import type { Hono } from "hono";
import { storedOrFetched } from "../../../actions/community/context.js";
import { parseArxivId } from "../../../core/arxiv-id.js";
import { isPaperfeedError } from "../../../core/errors.js";
import type { Paper } from "../../../core/paper.js";
import { ErrorPage, NotFoundPage } from "../error-page.js";
import { paperHref } from "../format.js";
import type { PageDeps, PageKit } from "../page-kit.js";
import { starCountsOfLinks } from "../present/stars.js";
import { thumbnailViews } from "../present/thumbnails.js";
import { PaperPage } from "./page.js";
import { presentPaper } from "./present.js";
import { presentRelated } from "./related-present.js";

/** Seconds a visitor is asked to wait when arXiv could not be reached (the fetcher's outage memory is 60 s). */
const RETRY_AFTER_S = 60;

export function mountPaperPage(app: Hono, deps: PageDeps, kit: PageKit): void {
  // Ids contain slashes (hep-th/9901001), so the parameter takes the rest of the path.
  app.get("/papers/:id{.+}", async (c) => {
    const raw = c.req.param("id");
    const parsed = parseArxivId(raw);
    if (!parsed) {
      return c.html(<NotFoundPage message={`“${raw}” is not an arXiv id.`} guess={raw} />, 404);
    }
    // One address per paper: versions, subject classes and pasted URLs redirect to it.
    if (parsed.id !== raw) return c.redirect(paperHref(parsed.id), 301);
    let paper: Paper | null;
    try {
      // A paper not stored yet is fetched from arXiv (when the site may) and stored for good.
      paper = await storedOrFetched(deps, parsed.id);
    } catch (e) {
      if (!isPaperfeedError(e) || !e.visible) throw e;
      c.header("Retry-After", String(RETRY_AFTER_S));
      return c.html(<ErrorPage status={e.status} message={e.message.replace(/^\w+: /, "")} />, e.status as 503);
    }
    if (!paper && deps.fetchPaper) {
      return c.html(<NotFoundPage message={`arXiv has no paper ${parsed.id}.`} guess={parsed.id} />, 404);
    }
    if (!paper) {
      const message = `Paper ${parsed.id} is not in this collection (yet).`;
      return c.html(<NotFoundPage message={message} guess={parsed.id} arxivId={parsed.id} />, 404);
    }
    const view = presentPaper(paper);
    view.canonical = new URL(paperHref(paper.id), deps.config.baseUrl).href;
    const thumbnail = await thumbnailViews(kit.cards, [paper.id]);
    if (thumbnail) view.thumbnail = thumbnail.get(paper.id) ?? null;
    const stars = await starCountsOfLinks(kit.cards, paper.codeLinks);
    if (stars.size > 0) view.stars = stars;
    view.related = await presentRelated(deps, paper);
    if (view.related.some((r) => r.hasMath)) view.hasMath = true;
    return c.html(<PaperPage view={view} />);
  });
}
