/**
 * What the reading pages (daily, newest, search, authors, paper) share: their dependencies, the category
 * list of their filters, and where thumbnails, stars and community facts come from.
 */
import type { PaperFetcher } from "../../actions/community/context.js";
import type { SearchEngine } from "../../search/types.js";
import type { Store } from "../../store/types.js";
import type { StoreSources } from "../api/stores.js";
import type { CategoryOption } from "./components/list-filter.js";
import { type ThumbnailSource, thumbnailSourceOf } from "./present/thumbnails.js";

/** The store sources say where thumbnails are (the community store, opened on first use unless given). */
export interface PageDeps extends StoreSources {
  store: Store;
  search: SearchEngine;
  /** Fetches papers the store lacks from arXiv (src/ingest/arxiv-api); absent: only stored papers have pages. */
  fetchPaper?: PaperFetcher | undefined;
}

export interface PageKit {
  /** The filter's categories: the most common ones, in alphabetical order, counted again every few minutes. */
  categories: () => Promise<CategoryOption[]>;
  /** Where cards' thumbnails, stars and community facts come from (present/card-parts.ts). */
  cards: ThumbnailSource;
}

/** How long the category list in the filters is reused before it is counted again. */
const CATEGORY_TTL_MS = 5 * 60_000;
/** Categories offered in the filter; others still work typed into the URL or as cat: in a query. */
const CATEGORY_CHOICES = 40;

export function pageKitOf(deps: PageDeps): PageKit {
  return { categories: categoryOptions(deps.store, deps.search), cards: thumbnailSourceOf(deps) };
}

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
