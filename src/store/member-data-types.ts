/**
 * What a member's settings need from the community store beyond the everyday calls: a new
 * address, everything stored about one member (the "export my data" download), and removing a
 * member. Part of the CommunityStore (community-types.ts); written once in
 * src/store/community/members.ts, checked on both backends by test/store/community-contract.ts.
 */
import type { User } from "./community-types.js";

export interface MemberData {
  account: User;
  votes: Array<{ paperId: string; createdAt: string }>;
  /** Comments the member wrote, deleted ones included (without their text). */
  comments: Array<{ id: number; paperId: string; parentId: number | null; body: string; createdAt: string; editedAt: string | null; deleted: boolean }>;
  collections: Array<{ id: number; name: string; isPublic: boolean; createdAt: string; items: Array<{ paperId: string; note: string; addedAt: string }> }>;
  /** Papers submitted to the curated daily lists. */
  submissions: Array<{ day: string; paperId: string; createdAt: string }>;
  follows: Array<{ paperId: string; createdAt: string }>;
  followOnActivity: boolean;
  /** Followed authors and categories (For you). */
  interests: Array<{ kind: string; value: string; createdAt: string }>;
  notInterested: Array<{ paperId: string; createdAt: string }>;
  /** The member's API tokens by name (the api_tokens table shares this database); never a hash. */
  apiTokens: Array<{ name: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }>;
}

/** Shown where a removed member's comments and list submissions used to name them. */
export const DELETED_MEMBER_NAME = "[deleted member]";

export interface MemberDataStore {
  /**
   * Gives the account a new address, marked verified at `verifiedAt` (the member followed a link
   * mailed to it). Throws `email_taken` (409) when another account uses it; null for an unknown id.
   */
  changeEmail(userId: number, email: string, verifiedAt: string): Promise<User | null>;
  /** Everything stored about one member; null for an unknown id. Never a password hash. */
  memberData(userId: number): Promise<MemberData | null>;
  /**
   * Removes a member in one transaction: votes, collections and their items (the papers' counts
   * drop with them), follows and follow settings, interests, "not interested", seen papers,
   * sessions and email tokens; their API tokens are revoked (by owner id, whatever address they
   * were made under). Comments and curated-list submissions stay, as part of others'
   * threads and lists, under DELETED_MEMBER_NAME: the account row stays as that tombstone with
   * no address, name or password anyone can use. False when there was no such member.
   */
  deleteMember(userId: number, now: string): Promise<boolean>;
}
