/**
 * Data for an author's page: their papers newest first (one page at a time), the people they
 * wrote with most, and the categories they publish in. Papers come from the search engine's `au:`
 * field and are then kept only where a listed author has exactly this name (accents, case,
 * dots and spacing aside), so "Wei Zhang" is not mixed with "Zhang Wei Ming".
 */
import type { Paper } from "../../../core/paper.js";
import type { SearchEngine } from "../../../search/types.js";
import type { Store } from "../../../store/types.js";
import type { Paging } from "../components/pager.js";
import { authorHref, countNoun } from "../format.js";
import { pageCount, parsePage } from "../present/query.js";
import { type PaperSummary, summarize } from "../present/summary.js";

/** Papers per page of an author's list. */
export const AUTHOR_PAGE_SIZE = 25;
/** How many of an author's newest papers the page reads (paging, co-authors, categories); the engine pages no further than 1,000. */
const MAX_PAPERS = 1000;
/** Hits asked of the engine per call (its limit). */
const BATCH = 200;
const SHOWN_COAUTHORS = 20;

export interface Tally {
  name: string;
  count: number;
}

export interface AuthorView {
  name: string;
  /** The page's absolute address for <link rel="canonical">. */
  canonical?: string;
  total: number;
  countLabel: string;
  papers: PaperSummary[];
  start: number;
  paging: Paging;
  coauthors: Tally[];
  categories: Tally[];
  hasMath: boolean;
}

/** The form two spellings of one name share: "Kurt Gödel" and "kurt  godel" match; "K. Gödel" does not match "Kurt Gödel". */
export const nameKey = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[.\s]+/g, " ")
    .trim();

/** The author's papers, newest first: the engine's `au:` matches, kept where a name matches exactly. */
async function papersOf(deps: { store: Store; search: SearchEngine }, name: string): Promise<Paper[]> {
  const key = nameKey(name);
  const q = `au:"${name.replace(/"/g, "")}"`;
  const found: Paper[] = [];
  for (let offset = 0; offset < MAX_PAPERS; offset += BATCH) {
    const result = deps.search.search({ q, sort: "newest", limit: BATCH, offset });
    const papers = await deps.store.getPapers(result.hits.map((h) => h.id));
    found.push(...papers.filter((p) => p.authors.some((a) => nameKey(a.name) === key)));
    if (offset + BATCH >= result.total) break;
  }
  return found;
}

function tally(values: Iterable<string>, limit: number): Tally[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** Null when no stored paper lists this author. */
export async function presentAuthor(deps: { store: Store; search: SearchEngine }, name: string, pageParam: string | undefined): Promise<AuthorView | null> {
  const papers = await papersOf(deps, name);
  if (papers.length === 0) return null;
  const key = nameKey(name);
  const pages = pageCount(papers.length, AUTHOR_PAGE_SIZE);
  const page = Math.min(parsePage(pageParam), pages);
  const start = (page - 1) * AUTHOR_PAGE_SIZE;
  const shown = papers.slice(start, start + AUTHOR_PAGE_SIZE).map((p) => summarize(p));
  // The name as the papers spell it most often, e.g. with its accents when the URL had none.
  const spelled = tally(papers.flatMap((p) => p.authors.filter((a) => nameKey(a.name) === key).map((a) => a.name)), 1)[0]?.name ?? name;
  return {
    name: spelled,
    total: papers.length,
    countLabel: countNoun(papers.length, "paper") + (papers.length >= MAX_PAPERS ? " or more" : ""),
    papers: shown,
    start: start + 1,
    paging: { page, pages, href: (p) => `${authorHref(name)}${p > 1 ? `?page=${p}` : ""}` },
    coauthors: tally(papers.flatMap((p) => p.authors.filter((a) => nameKey(a.name) !== key).map((a) => a.name)), SHOWN_COAUTHORS),
    categories: tally(papers.flatMap((p) => p.categories), 12),
    hasMath: shown.some((s) => s.hasMath),
  };
}
