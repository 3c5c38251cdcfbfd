/**
 * Digest periods. A daily digest covers one arXiv announcement day ("2024-01-15"): the job sends
 * when a new day has been imported, so days without announcements (weekends, holidays) send
 * nothing. A weekly digest covers one ISO week, Monday to Sunday ("2024-W03"), sent once the week
 * is over. Keys sort in time order within a cadence, which the store relies on.
 */
import { PaperfeedError } from "../../core/errors.js";
import type { Cadence } from "../../store/delivery-types.js";

export interface Period {
  cadence: Cadence;
  /** "2024-01-15" (daily) or "2024-W03" (weekly). */
  key: string;
  /** First and last announcement day covered, inclusive. */
  from: string;
  to: string;
  /** For people: "Monday, 15 January 2024" or "week of 8 January 2024". */
  label: string;
}

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const fmt = (day: string, weekday: boolean) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", {
    timeZone: "UTC",
    day: "numeric",
    month: "long",
    year: "numeric",
    ...(weekday ? { weekday: "long" } : {}),
  });

export function dailyPeriod(day: string): Period {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day)))
    throw new PaperfeedError("actions", "invalid_period", `not a day: ${day}`);
  return { cadence: "daily", key: day, from: day, to: day, label: fmt(day, true) };
}

/** The ISO week containing `day`. */
export function weekOf(day: string): Period {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new PaperfeedError("actions", "invalid_period", `not a day: ${day}`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  const monday = ms - weekday * DAY_MS;
  const thursday = monday + 3 * DAY_MS; // ISO weeks belong to the year of their Thursday
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  const from = dayOf(monday);
  return {
    cadence: "weekly",
    key: `${year}-W${String(week).padStart(2, "0")}`,
    from,
    to: dayOf(monday + 6 * DAY_MS),
    label: `week of ${fmt(from, false)}`,
  };
}

/** The last complete ISO week before the one containing `now`. */
export const lastCompleteWeek = (now: Date): Period =>
  weekOf(dayOf(Date.parse(weekOf(dayOf(now.getTime())).from) - DAY_MS));

const parsed = new Map<string, Period>();

/** Parses a key back into its period ("2024-01-15" or "2024-W03"); remembered, since senders ask per message. */
export function periodOfKey(key: string): Period {
  let period = parsed.get(key);
  if (!period) {
    period = parseKey(key);
    if (parsed.size > 1000) parsed.clear();
    parsed.set(key, period);
  }
  return period;
}

function parseKey(key: string): Period {
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!week) return dailyPeriod(key);
  const jan4 = Date.UTC(Number(week[1]), 0, 4); // always in ISO week 1
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS + (Number(week[2]) - 1) * 7 * DAY_MS;
  const period = weekOf(dayOf(monday));
  if (period.key !== key) throw new PaperfeedError("actions", "invalid_period", `no such week: ${key}`);
  return period;
}
