/**
 * "For you" in a member's digest: the period's papers that For you (src/actions/for-you) picks for
 * the subscription's account, best first. The papers a digest shows are recorded as seen, the one
 * read state the For you page shares, so the page does not show them again.
 */
import type { CommunityStore } from "../../store/community-types.js";
import type { DeliveryStore, Subscriber } from "../../store/delivery-types.js";
import type { Store } from "../../store/types.js";
import { RecentPool } from "../../rank/for-you/recent-pool.js";
import { forYou } from "../for-you/for-you.js";

/** Most papers in one digest's For you section. */
export const RECOMMENDED_MAX = 5;

/** Picks among `periodIds` for the subscriber's account, best first; [] without an account. */
export type RecommendedOf = (subscriber: Subscriber, periodIds: ReadonlySet<string>) => Promise<string[]>;

const accountOf = (subscriber: Subscriber) => {
  const userId = Number(subscriber.accountId);
  return subscriber.accountId && Number.isInteger(userId) ? userId : null;
};

export function recommendedOf(deps: { store: Store; community: CommunityStore; delivery: DeliveryStore }, now: () => Date): RecommendedOf {
  // One pool for the whole run: every subscriber's picks come from the same newest days.
  const pool = new RecentPool(deps.store);
  return async (subscriber, periodIds) => {
    const userId = accountOf(subscriber);
    if (userId === null) return [];
    const list = await forYou({ ...deps, pool }, userId, { now: now(), limit: 50, among: periodIds });
    return list.items.map((i) => i.paper.id);
  };
}

/** Records the digest's For you papers as seen by the subscriber's account. */
export async function markRecommendedSeen(community: CommunityStore, subscriber: Subscriber, paperIds: readonly string[], now: string): Promise<void> {
  const userId = accountOf(subscriber);
  if (userId !== null && paperIds.length > 0) await community.interests.markSeen(userId, paperIds, now);
}
