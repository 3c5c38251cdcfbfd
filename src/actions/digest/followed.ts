/**
 * "Papers you follow" in a member's digest: the events of the papers the subscription's account
 * follows, recorded since the subscriber's previous digest was queued (the created time of its
 * outbox row, so nothing is kept besides what the digest itself writes) and since each paper was
 * followed. A digest that is not queued (nothing new) moves nothing: its events wait for the next.
 */
import type { CommunityStore } from "../../store/community-types.js";
import type { DeliveryStore, Subscriber } from "../../store/delivery-types.js";
import type { PaperEvent } from "../../store/event-types.js";
import { digestKey } from "./content.js";

/** Most events in one digest's "Papers you follow" section. */
export const FOLLOWED_EVENTS_MAX = 100;

export type FollowedEventsOf = (subscriber: Subscriber) => Promise<PaperEvent[]>;

export function followedEventsOf(community: CommunityStore, delivery: DeliveryStore): FollowedEventsOf {
  return async (subscriber) => {
    const userId = Number(subscriber.accountId);
    if (!subscriber.accountId || !Number.isInteger(userId)) return [];
    const previous = subscriber.lastPeriod ? await delivery.getOutbox(digestKey(subscriber.id, subscriber.lastPeriod)) : null;
    return community.followedEvents(userId, { since: previous?.createdAt ?? "", afterFollow: true, limit: FOLLOWED_EVENTS_MAX });
  };
}
