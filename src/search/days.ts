/** Calendar days as integers (days since 1970-01-01, UTC): compact and fast to compare. */

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" (or a longer ISO timestamp) → day number; NaN when malformed. */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return NaN;
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

/**
 * First and last day of a partial date: "2024" → Jan 1 … Dec 31, "2024-06" → June 1 … 30,
 * "2024-06-15" → that day. Null when it is not such a date.
 */
export function dayRange(text: string): { first: number; last: number } | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  const first = Date.UTC(year, (month ?? 1) - 1, day ?? 1) / DAY_MS;
  const last =
    day !== null ? first : month !== null ? Date.UTC(year, month, 1) / DAY_MS - 1 : Date.UTC(year + 1, 0, 1) / DAY_MS - 1;
  return { first, last };
}

export const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
