/**
 * Data for the daily page: which period is asked for (latest day by default), its papers one page
 * at a time grouped by day, the neighbouring periods that have papers, and links between the
 * day, week and month views.
 */
import type { Paper } from "../../../core/paper.js";
import type { SearchEngine } from "../../../search/types.js";
import type { Store } from "../../../store/types.js";
import type { Paging } from "../components/pager.js";
import { countNoun, formatDay, formatLongDay, formatMonth, formatShortDay } from "../format.js";
import {
  type Period,
  type PeriodKind,
  dayPeriod,
  monthPeriod,
  periodContaining,
  periodQuery,
  weekPeriod,
} from "../present/periods.js";
import { pageCount, parseCategory, parsePage } from "../present/query.js";
import { type PaperSummary, summarize } from "../present/summary.js";

/** Papers per page on the daily page. */
export const DAILY_PAGE_SIZE = 25;

export interface DayGroup {
  day: string;
  label: string;
  papers: PaperSummary[];
}

export interface PeriodLink {
  href: string;
  /** Full name, e.g. "Tuesday, June 30, 2026". */
  label: string;
  /** Name that fits a phone's width, e.g. "Tue, Jun 30". */
  short: string;
}

export interface DailyView {
  period: Period;
  /** The category shown, "" for all. */
  cat: string;
  title: string;
  total: number;
  countLabel: string;
  groups: DayGroup[];
  /** Rank of the first paper on this page, for the list numbering. */
  start: number;
  previous: PeriodLink | null;
  next: PeriodLink | null;
  views: Array<{ kind: PeriodKind; label: string; href: string; current: boolean }>;
  paging: Paging;
  hasMath: boolean;
  /** Set when no period was asked for and the newest day with papers is not `today`: that day. */
  newestDay: { day: string; today: string } | null;
}

export interface DailyQuery {
  date?: string;
  week?: string;
  month?: string;
  page?: string;
  /** Only papers in this category or archive. */
  cat?: string;
}

/** Whether the visitor asked for a period, or gets the newest day by default. */
const asksForPeriod = (query: DailyQuery) => Boolean(query.date || query.week || query.month);

export function periodTitle(period: Period): string {
  if (period.kind === "day") return formatLongDay(period.from);
  if (period.kind === "month") return formatMonth(period.from);
  const week = Number(period.key.slice(6));
  return `Week ${week} · ${formatDay(period.from).replace(/, \d{4}$/, "")} – ${formatDay(period.to)}`;
}

function shortTitle(period: Period): string {
  if (period.kind === "day") return formatShortDay(period.from);
  if (period.kind === "month") return formatMonth(period.from);
  return `Week ${Number(period.key.slice(6))}`;
}

const hrefOf = (period: Pick<Period, "kind" | "key">, cat: string, page = 1) =>
  `/?${periodQuery(period)}${cat ? `&cat=${encodeURIComponent(cat)}` : ""}${page > 1 ? `&page=${page}` : ""}`;

async function requestedPeriod(store: Store, query: DailyQuery): Promise<Period | null> {
  if (query.date) return dayPeriod(query.date);
  if (query.week) return weekPeriod(query.week);
  if (query.month) return monthPeriod(query.month);
  const [latest] = await store.announcedDays({ limit: 1 });
  return latest ? dayPeriod(latest.day) : null;
}

async function neighbour(
  store: Store,
  period: Period,
  cat: string,
  direction: "before" | "after",
): Promise<PeriodLink | null> {
  const day = await store.adjacentDay(direction === "before" ? period.from : period.to, direction);
  if (!day) return null;
  const target = periodContaining(period.kind, day);
  return { href: hrefOf(target, cat), label: periodTitle(target), short: shortTitle(target) };
}

/** One page of the period's papers: from the store, or through the engine's category filter. */
async function pageOfPapers(
  deps: DailyDeps,
  period: Period,
  cat: string,
  page: number,
): Promise<{ total: number; papers: Paper[] }> {
  const offset = (page - 1) * DAILY_PAGE_SIZE;
  if (!cat) {
    const [total, papers] = await Promise.all([
      deps.store.countAnnounced(period.from, period.to),
      deps.store.listAnnounced(period.from, period.to, { limit: DAILY_PAGE_SIZE, offset }),
    ]);
    return { total, papers };
  }
  const result = deps.search.search({
    q: "",
    sort: "newest",
    limit: DAILY_PAGE_SIZE,
    offset,
    filters: { categories: [cat], from: period.from, to: period.to },
  });
  return { total: result.total, papers: await deps.store.getPapers(result.hits.map((h) => h.id)) };
}

function groupByDay(papers: PaperSummary[]): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const paper of papers) {
    const last = groups.at(-1);
    if (last?.day === paper.day) last.papers.push(paper);
    else groups.push({ day: paper.day, label: formatLongDay(paper.day), papers: [paper] });
  }
  return groups;
}

export interface DailyDeps {
  store: Store;
  search: SearchEngine;
}

/** Null when the store holds no papers at all. `today` (UTC "YYYY-MM-DD") decides whether the default day is today's. */
export async function presentDaily(deps: DailyDeps, query: DailyQuery, today: string): Promise<DailyView | null> {
  const period = await requestedPeriod(deps.store, query);
  if (!period) return null;
  const cat = parseCategory(query.cat);
  let page = parsePage(query.page);
  let { total, papers } = await pageOfPapers(deps, period, cat, page);
  const pages = pageCount(total, DAILY_PAGE_SIZE);
  if (page > pages) {
    page = pages;
    ({ total, papers } = await pageOfPapers(deps, period, cat, page));
  }
  const offset = (page - 1) * DAILY_PAGE_SIZE;
  const [previous, next] = await Promise.all([
    neighbour(deps.store, period, cat, "before"),
    neighbour(deps.store, period, cat, "after"),
  ]);
  const summaries = papers.map((paper) => summarize(paper));
  const anchorDay = period.kind === "day" ? period.from : (summaries[0]?.day ?? period.from);
  return {
    period,
    cat,
    title: periodTitle(period),
    total,
    countLabel: cat ? `${countNoun(total, "paper")} in ${cat}` : countNoun(total, "paper"),
    groups: groupByDay(summaries),
    start: offset + 1,
    previous,
    next,
    views: (["day", "week", "month"] as const).map((kind) => ({
      kind,
      label: kind[0]!.toUpperCase() + kind.slice(1),
      href: hrefOf(kind === period.kind ? period : periodContaining(kind, anchorDay), cat),
      current: kind === period.kind,
    })),
    paging: { page, pages, href: (p) => hrefOf(period, cat, p) },
    hasMath: summaries.some((s) => s.hasMath),
    newestDay: asksForPeriod(query) || period.from === today ? null : { day: period.from, today },
  };
}
