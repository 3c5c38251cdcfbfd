/**
 * Time-decayed counters, kept incrementally: each vote, comment or collection add adds 1 to its
 * paper's heat, and the heat halves every HEAT_HALF_LIFE_HOURS. Only the value and the time it
 * was last brought up to date are stored; bringing it to any later time is one multiplication,
 * so no event is ever re-read. Taking an event back (an upvote withdrawn) subtracts what that
 * event is worth today.
 */

/** A day: yesterday's upvote counts half of today's. */
export const HEAT_HALF_LIFE_HOURS = 24;
const HALF_LIFE_MS = HEAT_HALF_LIFE_HOURS * 3_600_000;

/** What one event at `eventAt` is worth at `now` (1 at the moment it happens). */
export const decayFactor = (eventAt: string, now: string) =>
  Math.pow(0.5, Math.max(0, Date.parse(now) - Date.parse(eventAt)) / HALF_LIFE_MS);

/** A heat stored as of `heatAt`, brought to `now`. */
export const heatAt = (value: number, heatAt: string, now: string) => value * decayFactor(heatAt, now);
