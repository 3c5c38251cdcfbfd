/**
 * Every URL a message or page hands out, built from the site's public base URL. Links that act on
 * a subscription carry a signed token (tokens.ts); a saved search's feed carries a key derived from
 * the same secret, so a feed URL can be pasted into a reader without granting anything else.
 */
import { createHmac } from "node:crypto";
import type { Subscriber } from "../../store/delivery-types.js";
import { CONFIRM_TTL_MS, signLink } from "./tokens.js";

export const feedKey = (secret: string, searchId: number) =>
  createHmac("sha256", secret).update(`feed\n${searchId}`).digest("base64url").slice(0, 22);

export const paperUrl = (base: string, id: string) =>
  `${base}/papers/${id.split("/").map(encodeURIComponent).join("/")}`;

export interface SubscriberLinks {
  manage: string;
  unsubscribe: string;
  /** A new confirmation link valid for 7 days from `now`. */
  confirm(now: number): string;
  savedSearchFeed(searchId: number, format?: "atom" | "rss" | "json"): string;
}

export function subscriberLinks(
  base: string,
  secret: string,
  subscriber: Pick<Subscriber, "id" | "email">,
): SubscriberLinks {
  const token = (purpose: "manage" | "unsubscribe" | "confirm", expires: number) =>
    signLink(secret, { purpose, subscriberId: subscriber.id, expires }, subscriber.email);
  return {
    manage: `${base}/subscriptions/manage?token=${token("manage", 0)}`,
    unsubscribe: `${base}/subscriptions/unsubscribe?token=${token("unsubscribe", 0)}`,
    confirm: (now) => `${base}/subscriptions/confirm?token=${token("confirm", now + CONFIRM_TTL_MS)}`,
    savedSearchFeed: (searchId, format = "atom") =>
      `${base}/feeds/saved/${searchId}.${format}?key=${feedKey(secret, searchId)}`,
  };
}
