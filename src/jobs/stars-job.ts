/**
 * `github.stars`: brings the GitHub star counts of papers' repositories up to date, within
 * GitHub's quota, and records each day's count in the star history that trending's velocity
 * reads (src/store/star-types.ts). Each run (once an hour):
 * 1. takes the papers that matter now — announced in the store's last RECENT_DAYS days, plus any
 *    with community activity in the last ACTIVE_DAYS — ranked by trending, and links each to the
 *    repositories its GitHub code links name (core/github-repo.ts);
 * 2. asks about their repositories not checked for REFRESH_MS: never-checked ones first (they show
 *    no count yet), then in trending order; with quota left, repositories of older papers, oldest
 *    check first;
 * 3. stops at the run's budget (MAX_PER_RUN: 60 without a token — GitHub's hourly allowance —
 *    1,000 with one, about 17 minutes at 1 s apart, inside the runner's 30-minute lease), or when
 *    GitHub says the hourly quota is spent: the reset time is stored, and no run starts before it.
 * Gone (404) and blocked (451) repositories are remembered and never asked about again.
 */
import { PaperfeedError, messageOf } from "../core/errors.js";
import { githubReposOf } from "../core/github-repo.js";
import type { Paper } from "../core/paper.js";
import { GithubClient, type RepoAnswer } from "../ingest/github/client.js";
import { userAgentOf } from "../ingest/http/user-agent.js";
import { rankTrending } from "../rank/trending.js";
import type { Job, JobContext } from "./types.js";

const DAY_MS = 86_400_000;
/** Papers announced in the store's last 7 days are "recent". */
const RECENT_DAYS = 7;
/** Papers with votes, comments, collection adds or star growth in the last 14 days are "trending". */
const ACTIVE_DAYS = 14;
/** At most this many recent papers are considered per run (a week of all of arXiv is ~20,000; these are the trending top). */
const MAX_PAPERS = 3000;
/** A repository is asked about again once its last check is this old: 20 hours, so about daily. */
export const REFRESH_MS = 20 * 3_600_000;
/** Checks per run: GitHub's hourly quota without a token; with one, what fits well inside the job lease. */
export const MAX_PER_RUN = { anonymous: 60, token: 1000 } as const;

const minusDays = (day: string, n: number) => new Date(Date.parse(day) - n * DAY_MS).toISOString().slice(0, 10);

/** The papers that matter now, best first by trending. */
async function papersThatMatter(ctx: JobContext, now: Date): Promise<Paper[]> {
  const lastDay = (await ctx.store.announcedDays({ limit: 1 }))[0]?.day;
  const recent: Paper[] = [];
  if (lastDay) {
    for (let offset = 0; recent.length < MAX_PAPERS; offset += 1000) {
      const page = await ctx.store.listAnnounced(minusDays(lastDay, RECENT_DAYS - 1), lastDay, { limit: 1000, offset });
      recent.push(...page.filter((p) => p.codeLinks.some((l) => l.kind === "github")));
      if (page.length < 1000) break;
    }
  }
  const active = await ctx.community.activeSince(new Date(now.getTime() - ACTIVE_DAYS * DAY_MS).toISOString(), 500);
  const byId = new Map(recent.map((p) => [p.id, p]));
  for (const p of await ctx.store.getPapers(active.map((a) => a.paperId).filter((id) => !byId.has(id)))) byId.set(p.id, p);
  const pool = [...byId.values()].filter((p) => githubReposOf(p.codeLinks).length > 0);
  const activity = await ctx.community.activityOf(pool.map((p) => p.id));
  const ranked = rankTrending(pool, { activity, now: now.toISOString(), ...(lastDay ? { lastDay } : {}) });
  return ranked.map((r) => byId.get(r.id)!);
}

/** Repositories to ask about this run, in order, at most `budget`. */
async function plan(ctx: JobContext, now: Date, budget: number): Promise<{ due: string[]; waiting: number }> {
  const papers = await papersThatMatter(ctx, now);
  await ctx.community.linkPaperRepos(papers.map((p) => ({ paperId: p.id, repos: githubReposOf(p.codeLinks) })));
  const ordered = [...new Set(papers.flatMap((p) => githubReposOf(p.codeLinks)))];
  const states = await ctx.community.repoStates(ordered);
  const staleBefore = new Date(now.getTime() - REFRESH_MS).toISOString();
  const isDue = (repo: string) => {
    const s = states.get(repo);
    return !s || s.status === null || (s.status === "ok" && (s.checkedAt === null || s.checkedAt < staleBefore));
  };
  const never = ordered.filter((r) => isDue(r) && !states.get(r)?.checkedAt);
  const again = ordered.filter((r) => isDue(r) && states.get(r)?.checkedAt);
  const due = [...never, ...again];
  if (due.length < budget) {
    for (const repo of await ctx.community.staleRepos(staleBefore, budget)) if (!due.includes(repo)) due.push(repo);
  }
  return { due: due.slice(0, budget), waiting: Math.max(0, due.length - budget) };
}

export interface StarsJobOptions {
  /** How often the runner looks, ms; default one minute (the period is the hour, or the end of a rate-limit pause). */
  everyMs?: number;
}

export function starsJob(options: StarsJobOptions = {}): Job {
  return {
    name: "github.stars",
    everyMs: options.everyMs ?? 60_000,
    /** The hour, or — after a rate limit that ended inside this hour — the minute it ended; null while paused. */
    async period(ctx) {
      const now = ctx.clock().toISOString();
      const paused = await ctx.community.githubPausedUntil();
      if (paused && paused > now) return null;
      const hour = now.slice(0, 13);
      return paused && paused.slice(0, 13) === hour ? paused.slice(0, 16) : hour;
    },
    run: (ctx) => refreshStars(ctx),
  };
}

/** The job as registered by `serve` and `worker`. */
export const githubStarsJob = starsJob();

/** One run: checks what is due, records every answer as it comes; returns the run's one-line summary. */
export async function refreshStars(ctx: JobContext): Promise<string> {
  const token = ctx.config.githubToken;
  const budget = token ? MAX_PER_RUN.token : MAX_PER_RUN.anonymous;
  const { due, waiting } = await plan(ctx, ctx.clock(), budget);
  const client = new GithubClient({ apiUrl: ctx.config.githubApiUrl, token, userAgent: userAgentOf(ctx.config), clock: ctx.time, log: ctx.log });
  const counts = { ok: 0, not_modified: 0, gone: 0, blocked: 0 };
  let pausedUntil: string | null = null;
  const summary = () => {
    const checked = counts.ok + counts.not_modified + counts.gone + counts.blocked;
    const left = due.length - checked + waiting;
    return `${checked} repositories checked: ${counts.ok} counts, ${counts.not_modified} unchanged (304), ${counts.gone} gone, ${counts.blocked} blocked; ${left} still due${pausedUntil ? `; GitHub's rate limit is spent, paused until ${pausedUntil}` : ""}`;
  };
  const states = await ctx.community.repoStates(due);
  for (const repo of due) {
    if (ctx.signal?.aborted) break;
    let answer: RepoAnswer;
    try {
      answer = await client.repository(repo, states.get(repo)?.etag ?? null, ctx.signal);
    } catch (error) {
      // Stopping mid-request says nothing about the repository: record nothing.
      if (ctx.signal?.aborted) break;
      throw new PaperfeedError("jobs", "stars_stopped", `${summary()}; stopped at ${repo}: ${messageOf(error)}`, 502, { cause: error });
    }
    const at = new Date(ctx.time.now()).toISOString();
    if (answer.kind === "rate_limited") {
      pausedUntil = new Date(answer.resetAt).toISOString();
      await ctx.community.setGithubPausedUntil(pausedUntil);
      break;
    }
    const { kind } = answer;
    await ctx.community.recordRepoCheck(repo, kind === "ok" ? { kind, stars: answer.stars, fullName: answer.fullName, etag: answer.etag } : { kind }, at);
    counts[kind]++;
    if (client.rate.remaining === 0 && client.rate.resetAt !== null) {
      pausedUntil = new Date(client.rate.resetAt).toISOString();
      await ctx.community.setGithubPausedUntil(pausedUntil);
      break;
    }
  }
  return summary();
}
