/**
 * Keeps the star counts of the newest papers' GitHub repositories. Each run:
 * 1. links the papers of the last few announcement days and of the latest curated daily lists to
 *    the repositories their GitHub code links name (core/github-repo.ts), so a repository is known
 *    once however many papers and link spellings point at it;
 * 2. asks nothing while GitHub's rate limit is paused (`githubPausedUntil`);
 * 3. asks GitHub (src/ingest/github) about the repositories not checked within the refresh
 *    interval — those of the papers just linked first (they are what trending and the newest pages
 *    show), then any other (`staleRepos`), never-checked and oldest first — as many as this run's
 *    share of the hourly quota allows, and stops early when the quota GitHub reports runs low;
 * 4. stores each answer (`recordRepoCheck`: count, that day's history row and the linked papers'
 *    star velocity for trending); on the primary rate limit it stores the reset and stops.
 * A repository that is gone or blocked is not asked about again.
 */
import { messageOf } from "../core/errors.js";
import { githubReposOf } from "../core/github-repo.js";
import type { Paper } from "../core/paper.js";
import { GithubClient, type RepoAnswer } from "../ingest/github/client.js";
import { userAgentOf } from "../ingest/http/user-agent.js";
import type { GithubRepo, RepoCheck } from "../store/star-types.js";
import type { Job, JobContext } from "./types.js";

export interface StarsJobOptions {
  /** How often the runner asks; default 10 minutes, ≥ 1 s. The per-run budget is this share of the hourly quota. */
  everyMs?: number;
  /** A repository is asked about again after this long; default 6 hours (four points a day for the 7-day velocity), ≥ 1 minute. */
  refreshMs?: number;
  /** Announcement days whose papers are linked, newest first; default 3, 1–30. */
  recentDays?: number;
  /** Curated daily lists whose papers are linked, newest first; default 7, 0–60. */
  curatedDays?: number;
  /** Most repositories asked about in one run whatever the quota; default 300 (5 minutes at 1 request a second), 1–5,000. */
  maxPerRun?: number;
  /** Spacing between GitHub requests, ms; default the client's GITHUB_SPACING_MS (1 s), ≥ 0. */
  minIntervalMs?: number;
}

const DEFAULTS = { everyMs: 10 * 60_000, refreshMs: 6 * 3_600_000, recentDays: 3, curatedDays: 7, maxPerRun: 300 };
/** GitHub's primary limits: requests an hour without and with a token. */
export const HOURLY_QUOTA = { anonymous: 60, token: 5000 } as const;
/** The share of the quota this job uses; the rest is left for other users of the same address or token. */
const QUOTA_SHARE = 0.8;
/** Stop asking when GitHub says fewer than this share of the hour's requests are left. */
const RESERVE_SHARE = 0.1;
const HOUR_MS = 3_600_000;
/** Papers read from the store per query while linking, and repositories per `repoStates` query. */
const SCAN_PAGE = 500;

const why = (e: unknown) => messageOf(e).replace(/^\w+: /, "");

/** Repositories this run may ask about: its share of the hourly quota, at least 1, at most `maxPerRun`. */
export function runBudget(hasToken: boolean, everyMs: number, maxPerRun: number): number {
  const hourly = hasToken ? HOURLY_QUOTA.token : HOURLY_QUOTA.anonymous;
  return Math.max(1, Math.min(maxPerRun, Math.floor(hourly * QUOTA_SHARE * Math.min(1, everyMs / HOUR_MS))));
}

/** Links the papers of recent announcement days and curated lists to their repositories; returns the counts. */
async function linkRecentPapers(ctx: JobContext, o: typeof DEFAULTS): Promise<{ papers: number; repos: string[] }> {
  const links: Array<{ paperId: string; repos: string[] }> = [];
  const seen = new Set<string>();
  const add = (papers: readonly Paper[]) => {
    for (const p of papers) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      // Papers without a repository are passed too: a link removed by a new version is unlinked.
      links.push({ paperId: p.id, repos: githubReposOf(p.codeLinks) });
    }
  };
  for (const { day } of await ctx.store.announcedDays({ limit: o.recentDays })) {
    for (let offset = 0; ; offset += SCAN_PAGE) {
      const papers = await ctx.store.listAnnounced(day, day, { limit: SCAN_PAGE, offset });
      add(papers);
      if (papers.length < SCAN_PAGE) break;
    }
  }
  if (o.curatedDays > 0)
    for (const day of await ctx.community.dailyDays(o.curatedDays)) {
      const ids = (await ctx.community.listDaily(day)).map((e) => e.paperId).filter((id) => !seen.has(id));
      add(await ctx.store.getPapers(ids));
    }
  await ctx.community.linkPaperRepos(links);
  const linked = links.filter((l) => l.repos.length > 0);
  return { papers: linked.length, repos: [...new Set(linked.flatMap((l) => l.repos))] };
}

/**
 * Up to `budget` repositories due a check: first those of the recent papers, then any other the
 * store holds (papers linked in earlier runs), each group never-checked and oldest first.
 */
async function dueRepos(ctx: JobContext, recent: readonly string[], before: string, budget: number): Promise<string[]> {
  const states: GithubRepo[] = [];
  for (let i = 0; i < recent.length; i += SCAN_PAGE) states.push(...(await ctx.community.repoStates(recent.slice(i, i + SCAN_PAGE))).values());
  const due = states
    .filter((r) => (r.status === null || r.status === "ok") && (r.checkedAt === null || r.checkedAt < before))
    .sort((a, b) => (a.checkedAt ?? "").localeCompare(b.checkedAt ?? "") || a.repo.localeCompare(b.repo))
    .map((r) => r.repo)
    .slice(0, budget);
  if (due.length === budget) return due;
  const chosen = new Set(due);
  for (const repo of await ctx.community.staleRepos(before, budget + due.length))
    if (!chosen.has(repo) && chosen.size < budget) chosen.add(repo);
  return [...chosen];
}

const checkOf = (answer: Exclude<RepoAnswer, { kind: "rate_limited" }>): RepoCheck =>
  answer.kind === "gone" || answer.kind === "blocked" ? { kind: answer.kind } : answer;

export function makeStarsJob(options: StarsJobOptions = {}): Job {
  const o = { ...DEFAULTS, ...options };
  return {
    name: "stars",
    everyMs: o.everyMs,
    async run(ctx) {
      const now = () => ctx.clock().toISOString();
      const linked = await linkRecentPapers(ctx, o);
      const links = `${linked.papers} papers link ${linked.repos.length} repositories`;
      const paused = await ctx.community.githubPausedUntil();
      if (paused && paused > now()) return `${links}; GitHub's rate limit: nothing asked before ${paused}`;
      if (paused) await ctx.community.setGithubPausedUntil(null);

      const hasToken = Boolean(ctx.config.githubToken);
      const before = new Date(ctx.clock().getTime() - o.refreshMs).toISOString();
      const due = await dueRepos(ctx, linked.repos, before, runBudget(hasToken, o.everyMs, o.maxPerRun));
      if (due.length === 0) return `${links}; none due`;

      const client = new GithubClient({
        apiUrl: ctx.config.githubApiUrl,
        token: ctx.config.githubToken,
        userAgent: userAgentOf(ctx.config),
        clock: ctx.time,
        log: ctx.log,
        ...(o.minIntervalMs !== undefined ? { minIntervalMs: o.minIntervalMs } : {}),
      });
      const states = await ctx.community.repoStates(due);
      const counts = { ok: 0, not_modified: 0, gone: 0, blocked: 0 };
      const summary = () =>
        `${links}; checked ${counts.ok + counts.not_modified + counts.gone + counts.blocked} of ${due.length} due ` +
        `(${counts.ok} counted, ${counts.not_modified} unchanged, ${counts.gone} gone, ${counts.blocked} blocked)`;
      const pauseUntil = async (resetAt: number, reason: string) => {
        const until = new Date(resetAt).toISOString();
        await ctx.community.setGithubPausedUntil(until);
        ctx.log(`stars: ${reason}; nothing asked before ${until}`);
        return `${summary()}; paused until ${until}`;
      };
      for (const repo of due) {
        if (ctx.signal?.aborted) break;
        let answer: RepoAnswer;
        try {
          answer = await client.repository(repo, states.get(repo)?.etag ?? null, ctx.signal);
        } catch (e) {
          // Stopping mid-request says nothing about GitHub; other failures are GitHub's or the
          // network's, not the repository's: record nothing and try again next run.
          if (ctx.signal?.aborted) break;
          ctx.log(`stars: stopped for now: ${why(e)}`);
          return `${summary()}; stopped: ${why(e)}`;
        }
        if (ctx.signal?.aborted) break;
        if (answer.kind === "rate_limited") return pauseUntil(answer.resetAt, "GitHub's rate limit is spent");
        await ctx.community.recordRepoCheck(repo, checkOf(answer), now());
        counts[answer.kind]++;
        const { limit, remaining, resetAt } = client.rate;
        if (limit !== null && remaining !== null && resetAt !== null && remaining < limit * RESERVE_SHARE && resetAt > ctx.clock().getTime())
          return pauseUntil(resetAt, `GitHub has ${remaining} of ${limit} requests left this hour, kept for others`);
      }
      return summary();
    },
  };
}

/** The stars job with its defaults; registered for every node (it asks nothing while no paper links to GitHub). */
export const starsJob: Job = makeStarsJob();
