/**
 * The storage contract for the community: accounts and their sessions, one-time email tokens,
 * rate-limit counters, the curated daily lists, upvotes, comments, collections, and each paper's
 * activity (the counters trending reads). Separate from the papers-only `Store` like the
 * DeliveryStore; both backends implement it over one shared body (src/store/community/) and one
 * contract suite (test/store/community-contract.ts) runs on both. Times are ISO-8601 UTC strings
 * passed in by the caller, so tests control the clock.
 */
import type { PaperEvent } from "./event-types.js";

import type { ThumbnailStore } from "./thumbnail-types.js";
import type { InterestStore } from "./interest-types.js";

import type { StarStore } from "./star-types.js";
import type { MemberDataStore } from "./member-data-types.js";

export type Role = "admin" | "curator" | "member";
export const ROLES: readonly Role[] = ["admin", "curator", "member"];

export interface User {
  id: number;
  /** Lower-cased, trimmed; unique. */
  email: string;
  /** Shown beside submissions and comments; 1–50 characters, any text (pages escape it). */
  displayName: string;
  /**
   * URL-safe and unique (`ada-lovelace`, src/store/community/usernames.ts): derived from the
   * display name when the account is made and kept when that changes. Profile links and the
   * Hugging Face-compatible API (`user`, `?submitter=`) use it.
   */
  username: string;
  role: Role;
  /** Set when the member followed the verification link. */
  emailVerifiedAt: string | null;
  createdAt: string;
}

/** A user with the stored password hash; only sign-in and password changes read it. */
export interface Credentials extends User {
  passwordHash: string;
}

export interface NewUser {
  email: string;
  displayName: string;
  /** The encoded scrypt hash (src/actions/accounts/password.ts); never a password. */
  passwordHash: string;
  role?: Role;
  /** Admins made from the command line, and sign-ups where the site sends no mail, start verified. */
  emailVerifiedAt?: string | null;
  now: string;
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  passwordHash?: string;
  emailVerifiedAt?: string;
}

/** Sessions and email tokens are stored by the SHA-256 of their secret, never the secret. */
export interface NewSession {
  tokenHash: string;
  userId: number;
  now: string;
  expiresAt: string;
}

export type EmailTokenPurpose = "verify" | "reset";

export interface NewEmailToken {
  tokenHash: string;
  userId: number;
  purpose: EmailTokenPurpose;
  now: string;
  expiresAt: string;
}

export interface RateHit {
  /** False when this hit went over the limit (it is still counted). */
  allowed: boolean;
  /** Hits in the current window, this one included. */
  count: number;
  /** When the window ends. */
  resetAt: string;
}

/** Who may put papers on a day's list: any signed-in account, verified members, or curators only. */
export type SubmissionPolicy = "open" | "members" | "curators";
export const SUBMISSION_POLICIES: readonly SubmissionPolicy[] = ["open", "members", "curators"];

export interface CommunitySettings {
  /** Default "members". */
  submissions: SubmissionPolicy;
  /** Papers one member (not curators) may submit per day; default 3, 0–100. */
  dailyCap: number;
}

export interface DailyEntry {
  day: string;
  paperId: string;
  userId: number;
  submitterName: string;
  /** The submitter's URL-safe username. */
  submitterUsername: string;
  submittedAt: string;
  votes: number;
}

export interface Comment {
  id: number;
  paperId: string;
  userId: number;
  authorName: string;
  /** The author's URL-safe username. */
  authorUsername: string;
  /** The top-level comment this replies to; replies to replies attach to the same top level. */
  parentId: number | null;
  /** Markdown source as written; rendering and sanitising happen at display time. */
  body: string;
  createdAt: string;
  editedAt: string | null;
  /** Hidden by a curator: shown to nobody but its author and curators. */
  hiddenAt: string | null;
  /** Deleted by its author: the text is gone; kept only while replies hang under it. */
  deleted: boolean;
}

export interface Collection {
  id: number;
  userId: number;
  ownerName: string;
  /** 1–100 characters, unique per owner. */
  name: string;
  isPublic: boolean;
  createdAt: string;
  items: number;
}

export interface CollectionItem {
  paperId: string;
  /** 0–1000 characters. */
  note: string;
  addedAt: string;
}

/**
 * A paper's community counters. `*Heat` are exponentially time-decayed counts (half-life
 * HEAT_HALF_LIFE_HOURS) as of `heatAt`; read them through `heatAt`-aware decay (community/heat.ts).
 */
export interface PaperActivity {
  paperId: string;
  votes: number;
  comments: number;
  collectionAdds: number;
  voteHeat: number;
  commentHeat: number;
  collectHeat: number;
  heatAt: string;
  /** Latest GitHub star count seen and when, with the one before it (null until known). */
  stars: number | null;
  starsAt: string | null;
  prevStars: number | null;
  prevStarsAt: string | null;
}

/** A member's follow settings. */
export interface FollowPrefs {
  /** Upvoting or collecting a paper also follows it; default false. */
  followOnActivity: boolean;
  /** Generation of the member's secret feed URL; raising it revokes the old URL. Starts at 0. */
  feedGeneration: number;
}

export interface FollowedPaper {
  paperId: string;
  followedAt: string;
}

export interface FollowedEventQuery {
  /** Only events recorded strictly after this ISO time; default: all. */
  since?: string;
  /** Only events recorded once the member followed the paper (digests); default false. */
  afterFollow?: boolean;
  /** Default 50, 1–1000. */
  limit?: number;
  /** Default 0. */
  offset?: number;
}

export interface CommunityStore extends StarStore, MemberDataStore {
  createUser(input: NewUser): Promise<User>;
  getUser(id: number): Promise<User | null>;
  getUserByEmail(email: string): Promise<User | null>;
  credentials(email: string): Promise<Credentials | null>;
  updateUser(id: number, patch: UserPatch): Promise<User | null>;
  countUsers(role?: Role): Promise<number>;

  createSession(session: NewSession): Promise<void>;
  /** The user of a live session; null when unknown or expired. */
  sessionUser(tokenHash: string, now: string): Promise<User | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of a user (password reset). */
  deleteUserSessions(userId: number): Promise<void>;

  createEmailToken(token: NewEmailToken): Promise<void>;
  /** Uses a token once: its user id when it is unused, unexpired and of this purpose; else null. */
  consumeEmailToken(tokenHash: string, purpose: EmailTokenPurpose, now: string): Promise<number | null>;

  /** Counts a hit on `key` in fixed windows of `windowMs`; allowed while the count is ≤ limit. */
  hitRateLimit(key: string, now: string, windowMs: number, limit: number): Promise<RateHit>;
  /** The hits on `key` in the current window, without counting one; allowed while below the limit. */
  peekRateLimit(key: string, now: string, windowMs: number, limit: number): Promise<RateHit>;

  settings(): Promise<CommunitySettings>;
  updateSettings(patch: Partial<CommunitySettings>): Promise<CommunitySettings>;

  /** Puts a paper on a day's list; the existing entry (any day) when it was already submitted. */
  addDailyEntry(input: { day: string; paperId: string; userId: number; now: string }): Promise<{ added: boolean; entry: DailyEntry }>;
  removeDailyEntry(paperId: string): Promise<boolean>;
  /** A day's list: most upvotes first, then earliest submitted. */
  listDaily(day: string): Promise<DailyEntry[]>;
  /** The daily-list entries of these papers, whatever their day (papers on no list are left out). */
  dailyEntriesOf(paperIds: readonly string[]): Promise<Map<string, DailyEntry>>;
  /** Days that have a list, newest first. */
  dailyDays(limit?: number): Promise<string[]>;
  countSubmissions(userId: number, day: string): Promise<number>;
  userSubmissions(userId: number, limit?: number): Promise<DailyEntry[]>;

  /** Sets or clears one member's upvote; returns whether it is now set and the paper's count. */
  setVote(userId: number, paperId: string, up: boolean, now: string): Promise<{ voted: boolean; votes: number }>;
  /** Which of `paperIds` the user has upvoted. */
  votedPapers(userId: number, paperIds: readonly string[]): Promise<Set<string>>;
  /** Paper ids the user upvoted, newest vote first. */
  userVotes(userId: number, limit?: number): Promise<string[]>;

  addComment(input: { paperId: string; userId: number; parentId: number | null; body: string; now: string }): Promise<Comment>;
  getComment(id: number): Promise<Comment | null>;
  editComment(id: number, body: string, now: string): Promise<Comment | null>;
  /** Removes a comment (its text at once; the row too unless replies hang under it). */
  deleteComment(id: number, now: string): Promise<boolean>;
  setCommentHidden(id: number, hidden: boolean, now: string): Promise<Comment | null>;
  /** A paper's comments, oldest first (deleted ones without replies left out). */
  listComments(paperId: string): Promise<Comment[]>;

  createCollection(input: { userId: number; name: string; isPublic: boolean; now: string }): Promise<Collection>;
  getCollection(id: number): Promise<Collection | null>;
  updateCollection(id: number, patch: { name?: string; isPublic?: boolean }): Promise<Collection | null>;
  deleteCollection(id: number, now: string): Promise<boolean>;
  /** A user's collections, newest first; only public ones when `publicOnly`. */
  listCollections(userId: number, publicOnly: boolean): Promise<Collection[]>;
  /** Adds a paper (or updates its note); true when it was new to the collection. */
  addToCollection(collectionId: number, paperId: string, note: string, now: string): Promise<boolean>;
  removeFromCollection(collectionId: number, paperId: string, now: string): Promise<boolean>;
  /** Items, most recently added first. */
  collectionItems(collectionId: number): Promise<CollectionItem[]>;

  /** Activity of these papers (papers without any are left out). */
  activityOf(paperIds: readonly string[]): Promise<Map<string, PaperActivity>>;
  /** Papers with community activity since `since`, most recent first. */
  activeSince(since: string, limit?: number): Promise<PaperActivity[]>;
  /** Records a GitHub star count observed for a paper's repository (the fetcher is a seam). */
  recordStars(paperId: string, stars: number, observedAt: string): Promise<void>;

  /** Follows a paper; true when it was not followed yet. */
  follow(userId: number, paperId: string, now: string): Promise<boolean>;
  /** True when the paper was followed. */
  unfollow(userId: number, paperId: string): Promise<boolean>;
  isFollowing(userId: number, paperId: string): Promise<boolean>;
  /** The member's followed papers, most recently followed first. */
  followedPapers(userId: number, options?: { limit?: number; offset?: number }): Promise<FollowedPaper[]>;
  countFollowed(userId: number): Promise<number>;
  /** Ids of the members following a paper, ascending. */
  followers(paperId: string): Promise<number[]>;
  followPrefs(userId: number): Promise<FollowPrefs>;
  setFollowOnActivity(userId: number, on: boolean): Promise<FollowPrefs>;
  /** Raises the member's feed generation (revoking the old feed URL) and returns the new one. */
  nextFeedGeneration(userId: number): Promise<number>;
  /**
   * Events (src/store/event-types.ts) of the papers the member follows, newest `date` first,
   * paged. The events are written by the papers Store into the same database.
   */
  followedEvents(userId: number, query?: FollowedEventQuery): Promise<PaperEvent[]>;

  /** A random secret by name, created on first use and stable afterwards (CSRF tokens). */
  secret(name: string): Promise<string>;
  /** First-page thumbnails of papers (thumbnail-types.ts), on the same connection. */
  readonly thumbnails: ThumbnailStore;
  /** Followed authors and categories, "Not interested" and the read state of For you (interest-types.ts). */
  readonly interests: InterestStore;
  close(): Promise<void>;
}
