/**
 * What is trending now, for `/trending` and the MCP `trending` tool alike: the papers announced
 * in the last week of the store plus every paper with community activity in the last two weeks,
 * scored by rank/trending.ts with the community parts. The decayed counts are kept up to date by
 * each vote, comment and collection add (incrementally, in the store), so this only reads them.
 */
import type { Paper } from "../../core/paper.js";
import { rankTrending } from "../../rank/trending.js";
import type { CommunityStore, PaperActivity } from "../../store/community-types.js";
import type { Store } from "../../store/types.js";

export const TRENDING_WINDOW_DAYS = 7;
/** The longest window a reader may ask for (the list filter's range). */
export const MAX_WINDOW_DAYS = 31;
/** How far back community activity makes a paper a candidate. */
const ACTIVE_DAYS = 14;
/** Category tabs offered: the most frequent primary categories among the candidates. */
const CATEGORY_TABS = 12;
const DAY_MS = 86_400_000;

const minusDays = (day: string, n: number) => new Date(Date.parse(day) - n * DAY_MS).toISOString().slice(0, 10);

export interface TrendingEntry {
  paper: Paper;
  score: number;
  parts: Record<string, number>;
  votes: number;
}

export interface Trending {
  /** Best first, at most `limit`. */
  entries: TrendingEntry[];
  /** The candidates' most frequent primary categories, most first (the asked category added when missing). */
  categories: string[];
  /** The window's last day: the newest announcement day in the store, or the range's end. */
  lastDay: string;
  /** The window's first day. */
  firstDay: string;
  windowDays: number;
  /** The candidates' community activity, read for the ranking; pages reuse it for their cards' counts. */
  activity: Map<string, PaperActivity>;
}

export interface TrendingSource {
  store: Store;
  community: () => Promise<CommunityStore>;
  clock?: (() => Date) | undefined;
}

/**
 * `from`/`to` (YYYY-MM-DD, checked by the caller) set the window instead of the last week of the
 * store; a window longer than MAX_WINDOW_DAYS keeps its end and is cut to that length.
 */
export async function trendingNow(deps: TrendingSource, options: { category?: string | null; limit: number; from?: string; to?: string }): Promise<Trending> {
  const community = await deps.community();
  const now = (deps.clock?.() ?? new Date()).toISOString();
  const lastDay = options.to || ((await deps.store.announcedDays({ limit: 1 }))[0]?.day ?? now.slice(0, 10));
  const span = options.from ? Math.round((Date.parse(lastDay) - Date.parse(options.from)) / DAY_MS) + 1 : TRENDING_WINDOW_DAYS;
  const windowDays = Math.min(MAX_WINDOW_DAYS, Math.max(1, span));
  const firstDay = minusDays(lastDay, windowDays - 1);
  const recent = await deps.store.listAnnounced(firstDay, lastDay, { limit: 1000 });
  const active = await community.activeSince(new Date(Date.parse(now) - ACTIVE_DAYS * DAY_MS).toISOString(), 500);
  const byId = new Map<string, Paper>(recent.map((p) => [p.id, p]));
  for (const p of await deps.store.getPapers(active.map((a) => a.paperId).filter((id) => !byId.has(id)))) byId.set(p.id, p);
  const papers = [...byId.values()];

  const counts = new Map<string, number>();
  for (const p of papers) counts.set(p.primaryCategory, (counts.get(p.primaryCategory) ?? 0) + 1);
  const categories = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, CATEGORY_TABS).map(([cat]) => cat);
  const cat = options.category || null;
  if (cat && !categories.includes(cat)) categories.push(cat);

  const pool = cat ? papers.filter((p) => p.categories.includes(cat)) : papers;
  const activity = await community.activityOf(pool.map((p) => p.id));
  const top = rankTrending(pool, { lastDay, windowDays, activity, now }).slice(0, options.limit);
  const entries = top.map((r) => ({ paper: byId.get(r.id)!, score: r.score, parts: r.parts, votes: activity.get(r.id)?.votes ?? 0 }));
  return { entries, categories, lastDay, firstDay, windowDays, activity };
}
