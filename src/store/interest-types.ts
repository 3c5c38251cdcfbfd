/**
 * What a member tells "For you" besides votes, collections and followed papers: authors and
 * categories they follow, papers they are not interested in, and the papers already shown to them
 * (one read state for the For you page and digests). Part of the CommunityStore's database,
 * reached as `community.interests`.
 */
export type InterestKind = "author" | "category";
export const INTEREST_KINDS: readonly InterestKind[] = ["author", "category"];

export interface Interest {
  kind: InterestKind;
  /** An author's name as papers write it, or an arXiv category such as "cs.LG"; 1–200 characters. */
  value: string;
  createdAt: string;
}

export interface InterestStore {
  /** True when newly followed. */
  followInterest(userId: number, kind: InterestKind, value: string, now: string): Promise<boolean>;
  /** True when it was followed. */
  unfollowInterest(userId: number, kind: InterestKind, value: string): Promise<boolean>;
  /** Newest first. */
  listInterests(userId: number): Promise<Interest[]>;
  /** True when newly marked. */
  markNotInterested(userId: number, paperId: string, now: string): Promise<boolean>;
  undoNotInterested(userId: number, paperId: string): Promise<boolean>;
  /** Papers marked "Not interested", newest first, at most `limit` (default 200, 1–1,000). */
  notInterested(userId: number, limit?: number): Promise<string[]>;
  /** Records the first time each paper was shown to the member; later showings keep that time. */
  markSeen(userId: number, paperIds: readonly string[], now: string): Promise<void>;
  /** Papers first shown to the member at or after `since` and before `before` (ISO times). */
  seenBetween(userId: number, since: string, before: string): Promise<Set<string>>;
}
