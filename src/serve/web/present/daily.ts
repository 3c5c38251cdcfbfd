/**
 * Data for the daily page: which period is asked for (latest day by default), its papers one page
 * at a time grouped by day, the neighbouring periods that have papers, and links between the
 * day, week and month views.
 */
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
} from "./periods.js";
import { pageCount, parsePage } from "./query.js";
import { type PaperSummary, summarize } from "./summary.js";

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
}

export interface DailyQuery {
  date?: string;
  week?: string;
  month?: string;
  page?: string;
}

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

const hrefOf = (period: Pick<Period, "kind" | "key">, page = 1) =>
  `/?${periodQuery(period)}${page > 1 ? `&page=${page}` : ""}`;

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
  direction: "before" | "after",
): Promise<PeriodLink | null> {
  const day = await store.adjacentDay(direction === "before" ? period.from : period.to, direction);
  if (!day) return null;
  const target = periodContaining(period.kind, day);
  return { href: hrefOf(target), label: periodTitle(target), short: shortTitle(target) };
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

/** Null when the store holds no papers at all. */
export async function presentDaily(store: Store, query: DailyQuery): Promise<DailyView | null> {
  const period = await requestedPeriod(store, query);
  if (!period) return null;
  const total = await store.countAnnounced(period.from, period.to);
  const pages = pageCount(total, DAILY_PAGE_SIZE);
  const page = Math.min(parsePage(query.page), pages);
  const offset = (page - 1) * DAILY_PAGE_SIZE;
  const [papers, previous, next] = await Promise.all([
    store.listAnnounced(period.from, period.to, { limit: DAILY_PAGE_SIZE, offset }),
    neighbour(store, period, "before"),
    neighbour(store, period, "after"),
  ]);
  const summaries = papers.map((paper) => summarize(paper));
  const anchorDay = period.kind === "day" ? period.from : (summaries[0]?.day ?? period.from);
  return {
    period,
    title: periodTitle(period),
    total,
    countLabel: countNoun(total, "paper"),
    groups: groupByDay(summaries),
    start: offset + 1,
    previous,
    next,
    views: (["day", "week", "month"] as const).map((kind) => ({
      kind,
      label: kind[0]!.toUpperCase() + kind.slice(1),
      href: hrefOf(kind === period.kind ? period : periodContaining(kind, anchorDay)),
      current: kind === period.kind,
    })),
    paging: { page, pages, href: (p) => hrefOf(period, p) },
    hasMath: summaries.some((s) => s.hasMath),
  };
}
