/**
 * Rate limits on sign-in, sign-up, password resets, subscriptions, submissions and comments,
 * counted in the community store (fixed windows) so they hold across restarts and processes.
 */
import type { Context } from "hono";
import { PaperfeedError } from "../../core/errors.js";
import type { CommunityStore, RateHit } from "../../store/community-types.js";
import { clientAddress } from "./client-address.js";

export { clientAddress };

export interface Limit {
  /** Window length in ms. */
  windowMs: number;
  /** Hits allowed per window. */
  max: number;
}

const MINUTE = 60_000;
/** The limits, per key kind. */
export const LIMITS = {
  /**
   * Wrong passwords per (account, client address): 5 per 15 minutes. Only failures count, and
   * only that client waits: someone guessing elsewhere never locks the owner out.
   */
  signIn: { windowMs: 15 * MINUTE, max: 5 },
  /** Wrong passwords per account from all clients together: 50 per hour, the cap on guessing spread over many addresses. */
  signInPerAccount: { windowMs: 60 * MINUTE, max: 50 },
  /** Sign-in attempts (right or wrong) per client address: 30 per 15 minutes. */
  signInPerClient: { windowMs: 15 * MINUTE, max: 30 },
  signUp: { windowMs: 60 * MINUTE, max: 5 },
  reset: { windowMs: 60 * MINUTE, max: 5 },
  submit: { windowMs: 60 * MINUTE, max: 20 },
  /** Subscription requests per client address: 10 per hour. */
  subscribePerClient: { windowMs: 60 * MINUTE, max: 10 },
  /** Subscription requests per email address: 3 per day, so nobody's inbox is flooded with confirmations. */
  subscribePerAddress: { windowMs: 24 * 60 * MINUTE, max: 3 },
  comment: { windowMs: 10 * MINUTE, max: 10 },
} satisfies Record<string, Limit>;

function refuse(hit: RateHit, now: Date): never {
  const minutes = Math.max(1, Math.ceil((Date.parse(hit.resetAt) - now.getTime()) / MINUTE));
  throw new PaperfeedError("serve", "rate_limited", `too many attempts; try again in ${minutes} minute${minutes === 1 ? "" : "s"}`, 429);
}

/** Counts a hit; throws 429 with the wait when over the limit. */
export async function limitRate(community: CommunityStore, key: string, limit: Limit, now = new Date()): Promise<void> {
  const hit = await community.hitRateLimit(key, now.toISOString(), limit.windowMs, limit.max);
  if (!hit.allowed) refuse(hit, now);
}

/** Throws 429 when `key` has used up its limit, counting nothing (see `countFailure`). */
export async function checkFailures(community: CommunityStore, key: string, limit: Limit, now = new Date()): Promise<void> {
  const hit = await community.peekRateLimit(key, now.toISOString(), limit.windowMs, limit.max);
  if (!hit.allowed) refuse(hit, now);
}

/** Counts one failure on `key` (checked by `checkFailures`). */
export async function countFailure(community: CommunityStore, key: string, limit: Limit, now = new Date()): Promise<void> {
  await community.hitRateLimit(key, now.toISOString(), limit.windowMs, limit.max);
}

/** What the subscription routes need to count requests. */
export interface SubscriptionLimits {
  community: () => Promise<CommunityStore>;
  limits: Pick<typeof LIMITS, "subscribePerClient" | "subscribePerAddress">;
}

/** Counts a subscription request per client and per address; throws 429 past either limit. */
export async function limitSubscription(c: Context, deps: SubscriptionLimits, email: string): Promise<void> {
  const community = await deps.community();
  await limitRate(community, `subscribe:client:${clientAddress(c)}`, deps.limits.subscribePerClient);
  await limitRate(community, `subscribe:email:${email.trim().toLowerCase()}`, deps.limits.subscribePerAddress);
}
