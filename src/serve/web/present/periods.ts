/**
 * The periods the daily page shows: one day (`?date=2026-04-01`), an ISO week (`?week=2026-W14`)
 * or a month (`?month=2026-04`). Each resolves to an inclusive day range; neighbours are found
 * from the store's days that have papers, so ‹ previous › never leads to an empty page.
 */
import { PaperfeedError } from "../../../core/errors.js";

export type PeriodKind = "day" | "week" | "month";

export interface Period {
  kind: PeriodKind;
  /** The value as it appears in the URL: "2026-04-01", "2026-W14", "2026-04". */
  key: string;
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const toUtc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => isoOf(toUtc(day) + n * DAY_MS);

function badPeriod(what: string, value: string, expected: string): never {
  throw new PaperfeedError(
    "serve",
    "bad_period",
    `${what} "${value}" is not valid (expected ${expected})`,
    400,
  );
}

/**
 * Years a period may fall in. Beyond them date arithmetic leaves four-digit years (10000-01-01
 * is not a day the store or `Date` can round-trip), and no paper is announced there anyway.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;
const YEARS = `a year from ${FIRST_YEAR} to ${LAST_YEAR}`;

function checkYear(what: string, value: string, year: number): void {
  if (year < FIRST_YEAR || year > LAST_YEAR) badPeriod(what, value, YEARS);
}

function checkDay(value: string): string {
  const ms = toUtc(value);
  // Date.parse accepts "2026-02-30" as 2 March; the round trip catches that.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(ms) || isoOf(ms) !== value) {
    badPeriod("date", value, "YYYY-MM-DD");
  }
  checkYear("date", value, Number(value.slice(0, 4)));
  return value;
}

/** Monday of ISO week 1 is the Monday of the week holding 4 January. */
function isoWeekMonday(year: number, week: number): string {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return isoOf(jan4 - weekday * DAY_MS + (week - 1) * 7 * DAY_MS);
}

/** "2026-W14" for any day in that ISO week. */
export function weekOf(day: string): string {
  const ms = toUtc(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  const thursday = ms + (3 - weekday) * DAY_MS; // the week belongs to its Thursday's year
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

export const monthOf = (day: string) => day.slice(0, 7);

export function dayPeriod(day: string): Period {
  checkDay(day);
  return { kind: "day", key: day, from: day, to: day };
}

export function weekPeriod(key: string): Period {
  const m = /^(\d{4})-W(\d{2})$/.exec(key);
  const week = Number(m?.[2]);
  if (!m || week < 1 || week > 53) badPeriod("week", key, "YYYY-Www, e.g. 2026-W14");
  checkYear("week", key, Number(m[1]));
  const from = isoWeekMonday(Number(m[1]), week);
  if (weekOf(from) !== key) badPeriod("week", key, "a week that exists in that year");
  return { kind: "week", key, from, to: addDays(from, 6) };
}

export function monthPeriod(key: string): Period {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  const month = Number(m?.[2]);
  if (!m || month < 1 || month > 12) badPeriod("month", key, "YYYY-MM, e.g. 2026-04");
  checkYear("month", key, Number(m[1]));
  const from = `${key}-01`;
  const next =
    month === 12 ? `${Number(m[1]) + 1}-01-01` : `${m[1]}-${String(month + 1).padStart(2, "0")}-01`;
  return { kind: "month", key, from, to: addDays(next, -1) };
}

/** The period of `kind` that contains `day`. */
export function periodContaining(kind: PeriodKind, day: string): Period {
  if (kind === "day") return dayPeriod(day);
  return kind === "week" ? weekPeriod(weekOf(day)) : monthPeriod(monthOf(day));
}

/** The URL query that selects a period. */
export function periodQuery(period: Pick<Period, "kind" | "key">): string {
  const name = period.kind === "day" ? "date" : period.kind;
  return `${name}=${encodeURIComponent(period.key)}`;
}

/**
 * The daily page's period that is exactly the range `from`–`to` (a day, an ISO week from Monday
 * to Sunday, a calendar month), or null when the range is none of them (the list filter then
 * sends the reader to the newest-first search of that range).
 */
export function periodOfRange(from: string, to: string): Period | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return null;
  try {
    if (from === to) return dayPeriod(from);
    const week = weekPeriod(weekOf(from));
    if (week.from === from && week.to === to) return week;
    const month = monthPeriod(monthOf(from));
    if (month.from === from && month.to === to) return month;
  } catch {
    return null; // not a real day, or outside the years periods cover
  }
  return null;
}

/**
 * Where the list filter of a day-based list (Daily, New) sends a range: the daily page when the
 * range is one of its periods, else the search page, newest first, over that range. Null when
 * the query has no range, unless `categoryToo` (New: a category alone is a search as well).
 */
export function rangeTarget(
  query: { from?: string | undefined; to?: string | undefined; cat?: string | undefined },
  categoryToo = false,
): string | null {
  const from = query.from?.trim() ?? "";
  const to = query.to?.trim() ?? "";
  const cat = query.cat?.trim() ?? "";
  if (!from && !to && !(categoryToo && cat)) return null;
  const period = from && to ? periodOfRange(from, to) : null;
  if (period) return `/?${periodQuery(period)}${cat ? `&cat=${encodeURIComponent(cat)}` : ""}`;
  const params = new URLSearchParams({ sort: "newest" });
  if (cat) params.set("cat", cat);
  if (from) params.set("from", from);
  if (to) params.set("to", to);
  return `/search?${params.toString()}`;
}
