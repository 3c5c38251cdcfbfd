/**
 * The HTML pages. Each handler asks its presenter for a view model and renders one page
 * component; the presenters hold the logic, the components only markup.
 */
import type { Hono } from "hono";
import { type PaperFetcher, storedOrFetched } from "../../actions/community/context.js";
import { parseArxivId } from "../../core/arxiv-id.js";
import { isPaperfeedError } from "../../core/errors.js";
import type { Paper } from "../../core/paper.js";
import type { SearchEngine } from "../../search/types.js";
import type { Store } from "../../store/types.js";
import type { StoreSources } from "../api/stores.js";
import { mountAuthorPages } from "./authors/routes.js";
import { DailyPage, EmptyDailyPage } from "./daily/page.js";
import { ErrorPage, NotFoundPage } from "./error-page.js";
import { paperHref } from "./format.js";
import { HelpPage } from "./help-page.js";
import { NewPage } from "./daily/new-page.js";
import { PaperPage } from "./paper/page.js";
import { presentDaily } from "./present/daily.js";
import { todayUtc } from "./components/newest-day.js";
import { presentNewest } from "./present/newest.js";
import { rangeTarget } from "./present/periods.js";
import { presentPaper } from "./present/paper.js";
import { presentRelated } from "./present/related.js";
import { pastedPaperId } from "./present/pasted-id.js";
import { presentSearch } from "./present/search.js";
import { attachStars, starCountsOfLinks } from "./present/stars.js";
import { attachActivity, hereOf } from "./present/activity.js";
import { attachThumbnails, thumbnailSourceOf, thumbnailViews } from "./present/thumbnails.js";
import { SearchPage } from "./search/page.js";
import { createSuggester } from "./search/suggest.js";
import type { CategoryOption } from "./components/list-filter.js";

/** The store sources say where thumbnails are (the community store, opened on first use unless given). */
export interface PageDeps extends StoreSources {
  store: Store;
  search: SearchEngine;
  /** Fetches papers the store lacks from arXiv (src/ingest/arxiv-api); absent: only stored papers have pages. */
  fetchPaper?: PaperFetcher | undefined;
}

/** Seconds a visitor is asked to wait when arXiv could not be reached (the fetcher's outage memory is 60 s). */
const RETRY_AFTER_S = 60;

/** How long the category list in the filters is reused before it is counted again. */
const CATEGORY_TTL_MS = 5 * 60_000;
/** Categories offered in the filter; others still work typed into the URL or as cat: in a query. */
const CATEGORY_CHOICES = 40;

/**
 * The filter's categories, counted by the search index (a few milliseconds); the store's count
 * (a GROUP BY over every paper, which held the thread some 70 ms at 1M papers, each time the list
 * expired) only while the index is being rebuilt.
 */
function categoryOptions(store: Store, search: SearchEngine): () => Promise<CategoryOption[]> {
  let cached: { at: number; options: CategoryOption[] } | null = null;
  return async () => {
    if (cached && Date.now() - cached.at < CATEGORY_TTL_MS) return cached.options;
    const counted = search.categoryCounts(CATEGORY_CHOICES) ?? (await store.stats()).categories;
    const options = counted
      .slice(0, CATEGORY_CHOICES)
      .map((c) => ({ value: c.category, count: c.count }))
      .sort((a, b) => a.value.localeCompare(b.value));
    cached = { at: Date.now(), options };
    return options;
  };
}

export function mountPages(app: Hono, deps: PageDeps): void {
  const categories = categoryOptions(deps.store, deps.search);
  const thumbnails = thumbnailSourceOf(deps);

  app.get("/", async (c) => {
    // The list filter's range: a day, week or month stays here, any other range is a search.
    const target = rangeTarget(c.req.query());
    if (target) return c.redirect(target, 302);
    const view = await presentDaily(deps, c.req.query(), todayUtc());
    if (view) {
      const papers = view.groups.flatMap((g) => g.papers);
      await Promise.all([attachThumbnails(thumbnails, papers), attachStars(thumbnails, papers), attachActivity(thumbnails, papers, hereOf(c.req.url))]);
    }
    return c.html(view ? <DailyPage view={view} categories={await categories()} /> : <EmptyDailyPage />);
  });

  app.get("/new", async (c) => {
    // Filtered, the newest papers are the newest-first search of the category and range.
    const target = rangeTarget(c.req.query(), true);
    if (target) return c.redirect(target, 302);
    const view = await presentNewest(deps.store, c.req.query("page"));
    await Promise.all([attachThumbnails(thumbnails, view.papers), attachStars(thumbnails, view.papers), attachActivity(thumbnails, view.papers, hereOf(c.req.url))]);
    return c.html(<NewPage view={view} categories={await categories()} />);
  });

  app.get("/search", async (c) => {
    // A pasted arXiv id, arXiv address or arXiv DOI opens the paper.
    const pasted = pastedPaperId(c.req.query("q") ?? "");
    if (pasted) return c.redirect(paperHref(pasted), 302);
    const view = await presentSearch(deps, c.req.query());
    await Promise.all([attachThumbnails(thumbnails, view.results), attachStars(thumbnails, view.results), attachActivity(thumbnails, view.results, hereOf(c.req.url))]);
    const status = view.state === "invalid" ? 400 : 200;
    return c.html(
      <SearchPage view={view} categories={view.state === "intro" ? [] : await categories()} mailOn={Boolean(deps.config?.smtpUrl)} />,
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

  mountAuthorPages(app, deps);

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
    const thumbnail = await thumbnailViews(thumbnails, [paper.id]);
    if (thumbnail) view.thumbnail = thumbnail.get(paper.id) ?? null;
    const stars = await starCountsOfLinks(thumbnails, paper.codeLinks);
    if (stars.size > 0) view.stars = stars;
    view.related = await presentRelated(deps, paper);
    if (view.related.some((r) => r.hasMath)) view.hasMath = true;
    return c.html(<PaperPage view={view} />);
  });
}
