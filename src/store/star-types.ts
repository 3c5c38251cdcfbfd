/**
 * GitHub stars, kept beside the community tables (same database, same CommunityStore): each
 * repository a paper links to, with what the last check said (ETag for conditional requests,
 * count, status), a star history with one row per repository per day, which papers link to which
 * repositories, and when the GitHub client may ask again after a rate limit. Recording a check
 * also brings the linked papers' `paper_activity.stars/prev_stars` up to date from the history
 * (see `STAR_WINDOW_DAYS`), which is what trending's star velocity reads.
 */

/** Stars gained per day are measured over at most this many days of history: 7. */
export const STAR_WINDOW_DAYS = 7;

/** `ok`: answered with a count; `gone`: 404/410, deleted or never existed; `blocked`: 451 or refused (403). */
export type RepoStatus = "ok" | "gone" | "blocked";

export interface GithubRepo {
  /** "owner/repo", lower-case, as parsed from the links (core/github-repo.ts). */
  repo: string;
  /** GitHub's own spelling, after any rename or transfer; null until a check answered. */
  fullName: string | null;
  /** null until checked. */
  status: RepoStatus | null;
  stars: number | null;
  /** The ETag of the last 200, sent as If-None-Match next time. */
  etag: string | null;
  checkedAt: string | null;
}

/** What one check of a repository found. */
export type RepoCheck =
  | { kind: "ok"; stars: number; fullName: string; etag: string | null }
  /** 304: the count and ETag stand; a history row is written with the kept count. */
  | { kind: "not_modified" }
  | { kind: "gone" | "blocked" };

export interface StarHistoryRow {
  /** "YYYY-MM-DD" (UTC) of the observation. */
  day: string;
  stars: number;
  observedAt: string;
}

export interface StarStore {
  /** Makes each paper link to exactly these repositories (repositories new to the store are added unchecked). */
  linkPaperRepos(links: ReadonlyArray<{ paperId: string; repos: readonly string[] }>): Promise<void>;
  /** The stored state of these repositories, in one query (unknown ones are left out). */
  repoStates(repos: readonly string[]): Promise<Map<string, GithubRepo>>;
  /** Repositories still worth asking about (not gone or blocked) not checked since `before`, never-checked and oldest first. */
  staleRepos(before: string, limit: number): Promise<string[]>;
  /** Stores a check made at `at` (ISO-8601), its history row for that day, and the linked papers' star activity. */
  recordRepoCheck(repo: string, check: RepoCheck, at: string): Promise<void>;
  /** A repository's history, oldest first. */
  starHistory(repo: string): Promise<StarHistoryRow[]>;
  /** When GitHub's rate limit lets the client ask again; null when it may now. */
  githubPausedUntil(): Promise<string | null>;
  setGithubPausedUntil(until: string | null): Promise<void>;
}
