/**
 * Lists that open on "the newest day with papers" say so when that day is not today, so a visitor
 * never mistakes an older list (the demo data, a paused harvest) for today's.
 */
import { formatLongDay } from "../format.js";

/** Today's date in UTC, as arXiv dates its days; the clock is for tests. */
export const todayUtc = (clock?: () => Date) => (clock?.() ?? new Date()).toISOString().slice(0, 10);

/** "Nothing {what} today (…) yet; this is the newest day with {which}: …", or nothing when `day` is today. */
export function NewestDayNote({ day, today, what, which }: { day: string; today: string; what: string; which: string }) {
  if (day === today) return null;
  return (
    <p class="newest-day" role="note">
      Nothing {what} today ({formatLongDay(today)}) yet; this is the newest day with {which}:{" "}
      <strong>{formatLongDay(day)}</strong>.
    </p>
  );
}
