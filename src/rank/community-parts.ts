/**
 * The community's parts of the trending score, added to the metadata parts of trending.ts when
 * activity is known. Each is a time-decayed count (half-life HEAT_HALF_LIFE_HOURS: an upvote from
 * yesterday counts half of one from today), kept incrementally by the community store as events
 * happen, so scoring a paper never re-reads its votes:
 * - `votes`       1.0 per upvote (decayed)
 * - `comments`    0.5 per comment (decayed)
 * - `collections` 0.75 per collection add (decayed)
 * - `stars`       0.5 × log2(1 + GitHub stars gained per day), at most 2 (15 a day or more);
 *                 the velocity is over the last STAR_WINDOW_DAYS (7) days of the linked
 *                 repository's daily history, as the stars job records it (store/community/stars.ts);
 *                 0 while fewer than two days are known
 */
import type { PaperActivity } from "../store/community-types.js";
import { heatAt } from "../store/community/heat.js";

export const COMMUNITY_WEIGHTS = { votes: 1, comments: 0.5, collections: 0.75 } as const;
const STAR_WEIGHT = 0.5;
const STAR_CAP = 2;
const DAY_MS = 86_400_000;
const round = (n: number) => Math.round(n * 1000) / 1000;

/** GitHub stars gained per day between `prevStars` and `stars` (the window's first and latest observations); null when not known. */
export function starsPerDay(a: PaperActivity): number | null {
  if (a.stars === null || a.prevStars === null || !a.starsAt || !a.prevStarsAt) return null;
  const days = (Date.parse(a.starsAt) - Date.parse(a.prevStarsAt)) / DAY_MS;
  return days > 0 ? Math.max(0, (a.stars - a.prevStars) / days) : null;
}

export function communityParts(activity: PaperActivity | undefined, now: string): Record<string, number> {
  if (!activity) return { votes: 0, comments: 0, collections: 0, stars: 0 };
  const heat = (v: number) => heatAt(v, activity.heatAt, now);
  const velocity = starsPerDay(activity);
  return {
    votes: round(COMMUNITY_WEIGHTS.votes * heat(activity.voteHeat)),
    comments: round(COMMUNITY_WEIGHTS.comments * heat(activity.commentHeat)),
    collections: round(COMMUNITY_WEIGHTS.collections * heat(activity.collectHeat)),
    stars: velocity === null ? 0 : round(Math.min(STAR_CAP, STAR_WEIGHT * Math.log2(1 + velocity))),
  };
}
