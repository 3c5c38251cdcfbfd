/**
 * The secret address of a member's "papers I follow" feed. Feed readers send no cookies, so the
 * URL itself is the credential: /feeds/following/<member>/<key>.atom, the key an HMAC of the
 * member id and a generation number under a site secret. Nothing secret is stored per member;
 * raising the generation (the "new address" button) revokes every earlier URL at once.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { CommunityStore } from "../../store/community-types.js";

const SECRET_NAME = "follow-feed";

const keyOf = (secret: string, userId: number, generation: number) =>
  createHmac("sha256", secret).update(`following\n${userId}\n${generation}`).digest("base64url").slice(0, 32);

export const followingFeedPath = (userId: number, key: string) => `/feeds/following/${userId}/${key}.atom`;

/** The member's current feed path. */
export async function followingFeedOf(community: CommunityStore, userId: number): Promise<string> {
  const { feedGeneration } = await community.followPrefs(userId);
  return followingFeedPath(userId, keyOf(await community.secret(SECRET_NAME), userId, feedGeneration));
}

/** Revokes the member's feed address and returns the new one. */
export async function renewFollowingFeed(community: CommunityStore, userId: number): Promise<string> {
  const generation = await community.nextFeedGeneration(userId);
  return followingFeedPath(userId, keyOf(await community.secret(SECRET_NAME), userId, generation));
}

/** True when `key` is the member's current feed key. */
export async function isFollowingFeedKey(community: CommunityStore, userId: number, key: string): Promise<boolean> {
  const { feedGeneration } = await community.followPrefs(userId);
  const expected = Buffer.from(keyOf(await community.secret(SECRET_NAME), userId, feedGeneration));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
