/**
 * Data for the search page: runs the query through the engine, loads the page of papers from
 * the store, marks matched words, and works out what to suggest when nothing matched.
 */
import { isPaperfeedError } from "../../../core/errors.js";
import { highlight, type HighlightPhrase, MAX_SEARCH_OFFSET, snippet } from "../../../search/index.js";
import type { SearchEngine } from "../../../search/types.js";
import type { Store } from "../../../store/types.js";
import type { Paging } from "../components/pager.js";
import { countNoun } from "../format.js";
import { pageCount } from "../present/query.js";
import { type SearchForm, filtersOf, hasFilters, parseSearchForm, searchHref } from "./form.js";
import { type Marker, type PaperSummary, summarize } from "../present/summary.js";

/** Results per page. */
export const SEARCH_PAGE_SIZE = 20;
/** The engine pages at most MAX_SEARCH_OFFSET results deep. */
const MAX_PAGES = Math.floor(MAX_SEARCH_OFFSET / SEARCH_PAGE_SIZE) + 1;
/** Characters of abstract shown per result. */
const SNIPPET_CHARS = 300;

export interface Suggestion {
  text: string;
  href?: string;
}

export interface SearchView {
  form: SearchForm;
  /** intro: nothing asked yet; results/none: the query ran; invalid: the query could not run. */
  state: "intro" | "results" | "none" | "invalid";
  problems: string[];
  total: number;
  totalLabel: string;
  tookLabel: string;
  results: PaperSummary[];
  start: number;
  paging: Paging;
  activeFilters: Suggestion[];
  sortLinks: Array<{ label: string; href: string; current: boolean }>;
  suggestions: Suggestion[];
  hasMath: boolean;
  /** "Did you mean …": the query respelled from the index vocabulary (search/suggest.ts). */
  didYouMean?: Suggestion;
  /** Set when the query as written matched nothing and the results are for its words. */
  relaxed?: { phrases: string[]; words: string[] };
  /**
   * Set when the query as typed matched nothing and the results are its "Did you mean"
   * respelling's: what was typed, and the link that searches exactly that.
   */
  respelled?: { typed: string; exactHref: string };
}

function markerFor(terms: string[], phrases: HighlightPhrase[] = []): Marker | undefined {
  if (terms.length === 0 && phrases.length === 0) return undefined;
  return { highlight: (t) => highlight(t, terms, phrases), snippet: (t) => snippet(t, terms, SNIPPET_CHARS, phrases) };
}

function activeFilters(form: SearchForm): Suggestion[] {
  const out: Suggestion[] = [];
  if (form.cat) out.push({ text: `Category ${form.cat}`, href: searchHref(form, { cat: "" }) });
  if (form.from) out.push({ text: `From ${form.from}`, href: searchHref(form, { from: "" }) });
  if (form.to) out.push({ text: `Until ${form.to}`, href: searchHref(form, { to: "" }) });
  if (form.code) out.push({ text: "Has code", href: searchHref(form, { code: false }) });
  return out;
}

function didYouMean(search: SearchEngine, form: SearchForm): { didYouMean?: Suggestion } {
  const respelled = form.q ? search.suggest(form.q) : null;
  return respelled ? { didYouMean: { text: respelled, href: searchHref(form, { q: respelled, page: 1, exact: false }) } } : {};
}

/** What to try when a query found nothing, most likely fix first. */
function suggestionsFor(form: SearchForm): Suggestion[] {
  const out: Suggestion[] = [];
  const empty = { cat: "", from: "", to: "", code: false };
  if (hasFilters(form)) out.push({ text: "Search without the filters", href: searchHref(form, empty) });
  if (/"/.test(form.q))
    out.push({ text: "Drop the quotes", href: searchHref(form, { q: form.q.replace(/"/g, "") }) });
  if (/\b[a-z]+:/.test(form.q)) {
    out.push({ text: "Search all fields", href: searchHref(form, { q: form.q.replace(/\b[a-z]+:/g, "") }) });
  }
  const words = form.q.split(/\s+/).filter(Boolean);
  if (words.length > 3)
    out.push({
      text: `Use fewer words, e.g. ${words.slice(0, 2).join(" ")}`,
      href: searchHref(form, { q: words.slice(0, 2).join(" ") }),
    });
  out.push({ text: "Check the spelling, or try a more general word" });
  return out;
}

export async function presentSearch(
  deps: { store: Store; search: SearchEngine },
  query: Record<string, string | undefined>,
): Promise<SearchView> {
  const { form, problems } = parseSearchForm(query);
  const view: SearchView = {
    form,
    state: "intro",
    problems,
    total: 0,
    totalLabel: "",
    tookLabel: "",
    results: [],
    start: 1,
    paging: { page: 1, pages: 1, href: (page) => searchHref(form, { page }) },
    activeFilters: activeFilters(form),
    sortLinks: [
      {
        label: "Relevance",
        href: searchHref(form, { sort: "" }),
        current: form.sort === "" || form.sort === "relevance",
      },
      { label: "Newest", href: searchHref(form, { sort: "newest" }), current: form.sort === "newest" },
    ],
    suggestions: [],
    hasMath: false,
  };
  if (problems.length > 0) return { ...view, state: "invalid" };
  if (!form.q && !hasFilters(form)) return view;
  let page = Math.min(form.page, MAX_PAGES);
  let q = form.q;
  const run = () =>
    deps.search.search({
      q,
      limit: SEARCH_PAGE_SIZE,
      offset: (page - 1) * SEARCH_PAGE_SIZE,
      sort: form.sort || undefined,
      filters: filtersOf(form),
      relaxIfEmpty: true,
    });
  let result;
  try {
    result = run();
  } catch (e) {
    // A query the language cannot parse is the reader's to fix, not a server failure.
    if (isPaperfeedError(e) && e.component === "search")
      return { ...view, state: "invalid", problems: [e.message] };
    throw e;
  }
  // A misspelt query that matches nothing shows its respelling's papers, saying so (unless asked exactly).
  let respelled: SearchView["respelled"];
  const respelling = result.total === 0 && form.q && !form.exact ? deps.search.suggest(form.q) : null;
  if (respelling) {
    q = respelling;
    const second = run();
    if (second.total > 0) {
      result = second;
      respelled = { typed: form.q, exactHref: searchHref(form, { exact: true }) };
    } else q = form.q;
  }
  // A page past the end (an old link, a hand-edited URL) shows the last page instead of nothing.
  const lastPage = Math.min(MAX_PAGES, pageCount(result.total, SEARCH_PAGE_SIZE));
  if (page > lastPage && result.total > 0) {
    page = lastPage;
    result = run();
  }
  const papers = await deps.store.getPapers(result.hits.map((h) => h.id));
  const marker = markerFor(result.highlightTerms, result.highlightPhrases);
  const results = papers.map((paper) => summarize(paper, marker));
  // "0.4 ms" under a millisecond (never "0 ms"), whole milliseconds above.
  const tookMs =
    result.tookMs < 1
      ? Math.max(0.1, result.tookMs).toFixed(1)
      : Math.round(result.tookMs).toLocaleString("en-US");
  return {
    ...view,
    state: result.total === 0 ? "none" : "results",
    total: result.total,
    totalLabel: `${result.totalIsEstimate ? "about " : ""}${countNoun(result.total, "paper")}`,
    tookLabel: `${tookMs} ms${result.timedOut ? ", the time limit: the best matches found by then" : ""}`,
    results,
    start: (page - 1) * SEARCH_PAGE_SIZE + 1,
    paging: { ...view.paging, page, pages: lastPage },
    suggestions: result.total === 0 ? suggestionsFor(form) : [],
    hasMath: results.some((r) => r.hasMath),
    ...(result.relaxed ? { relaxed: result.relaxed } : {}),
    ...(respelled ? { respelled, didYouMean: { text: q, href: searchHref(form, { q, page: 1 }) } } : didYouMean(deps.search, form)),
  };
}
