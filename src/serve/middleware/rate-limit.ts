/**
 * Rate limits on sign-in, sign-up, password resets, submissions and comments, counted in the
 * community store (fixed windows) so they hold across restarts and processes.
 */
import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { PaperfeedError } from "../../core/errors.js";
import type { CommunityStore } from "../../store/community-types.js";

export interface Limit {
  /** Window length in ms. */
  windowMs: number;
  /** Hits allowed per window. */
  max: number;
}

const MINUTE = 60_000;
/** The limits, per key kind. */
export const LIMITS = {
  /** Per address and per client address: 5 wrong guesses of a password per 15 minutes. */
  signIn: { windowMs: 15 * MINUTE, max: 5 },
  signInPerClient: { windowMs: 15 * MINUTE, max: 30 },
  signUp: { windowMs: 60 * MINUTE, max: 5 },
  reset: { windowMs: 60 * MINUTE, max: 5 },
  submit: { windowMs: 60 * MINUTE, max: 20 },
  comment: { windowMs: 10 * MINUTE, max: 10 },
} satisfies Record<string, Limit>;

/** The client's address as the socket saw it ("local" for in-process requests in tests). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local";
  }
}

/** Counts a hit; throws 429 with the wait when over the limit. */
export async function limitRate(community: CommunityStore, key: string, limit: Limit, now = new Date()): Promise<void> {
  const hit = await community.hitRateLimit(key, now.toISOString(), limit.windowMs, limit.max);
  if (hit.allowed) return;
  const minutes = Math.max(1, Math.ceil((Date.parse(hit.resetAt) - now.getTime()) / MINUTE));
  throw new PaperfeedError("serve", "rate_limited", `too many attempts; try again in ${minutes} minute${minutes === 1 ? "" : "s"}`, 429);
}
