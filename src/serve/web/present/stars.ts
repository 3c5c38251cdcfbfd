/**
 * GitHub star counts beside code links, asked in one query per page: the repositories of every
 * paper on the page are collected and read with one `repoStates`. Only repositories whose last
 * check answered a count show one; gone or blocked ones, and those not checked yet, show none.
 */
import { githubRepoOf, githubReposOf } from "../../../core/github-repo.js";
import type { CodeLink } from "../../../core/paper.js";
import type { CommunityStore } from "../../../store/community-types.js";
import type { PaperSummary } from "./summary.js";

/** Where the counts are: the community store (opened on first use). ThumbnailSource and the community pages' deps fit. */
export interface StarSource {
  community: () => Promise<CommunityStore>;
}

export interface StarCount {
  /** GitHub's own spelling of "owner/repo". */
  name: string;
  stars: number;
}

/** Star counts by repository key ("owner/repo", lower-case, core/github-repo.ts). */
export type RepoStars = ReadonlyMap<string, StarCount>;

/** The count to show for a link, if it is a GitHub repository with one. */
export const starsOf = (link: CodeLink, stars: RepoStars | undefined): StarCount | undefined => {
  if (!stars || link.kind !== "github") return undefined;
  const repo = githubRepoOf(link.url);
  return repo ? stars.get(repo) : undefined;
};

/** 999 → "999", 1,234 → "1.2k", 12,345 → "12k", 1,234,567 → "1.2M": rounded down, never more than there are. */
export function formatStars(n: number): string {
  const short = (value: number, unit: string) => {
    const digits = value < 10 ? Math.floor(value * 10) / 10 : Math.floor(value);
    return `${digits}${unit}`;
  };
  if (n < 1000) return String(n);
  if (n < 1_000_000) return short(n / 1000, "k");
  return short(n / 1_000_000, "M");
}

/** The counts of these repositories (one query). */
export async function starCounts(source: StarSource, repos: readonly string[]): Promise<Map<string, StarCount>> {
  const counts = new Map<string, StarCount>();
  if (repos.length === 0) return counts;
  const states = await (await source.community()).repoStates(repos);
  for (const [repo, state] of states)
    if (state.status === "ok" && state.stars !== null) counts.set(repo, { name: state.fullName ?? repo, stars: state.stars });
  return counts;
}

/** The counts of the GitHub repositories these links name (one query, none when there are none). */
export const starCountsOfLinks = (source: StarSource, links: readonly CodeLink[]) => starCounts(source, githubReposOf(links));

/** Sets `stars` on each summary with a GitHub link; one query for the whole page. */
export async function attachStars(source: StarSource, summaries: readonly PaperSummary[]): Promise<void> {
  const counts = await starCountsOfLinks(source, summaries.flatMap((s) => s.codeLinks));
  if (counts.size > 0) for (const s of summaries) s.stars = counts;
}
