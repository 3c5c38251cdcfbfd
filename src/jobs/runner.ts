/**
 * The durable job runner. Each tick asks every job whether it is due; a due job runs under a
 * store lock named after it (one runner at a time across processes), and a per-period job's run
 * is recorded, so it happens once per period however many workers run or restart. A crashed
 * holder's lock is taken over at once on the same host (its process is gone), else when its
 * lease ends.
 */
import { PaperfeedError, messageOf } from "../core/errors.js";
import { isOwnerDead } from "../deliver/owner.js";
import type { Job, JobContext } from "./types.js";

/** How long a lock is held before others may assume its holder is gone: 30 minutes. */
const LEASE_MS = 30 * 60_000;

export interface JobOutcome {
  job: string;
  period: string | null;
  status: "done" | "failed" | "skipped";
  detail: string;
}

/** Runs `job` once if it is due and nobody else runs it; reports what happened. */
export async function runJobOnce(job: Job, ctx: JobContext): Promise<JobOutcome> {
  const iso = () => ctx.clock().toISOString();
  const period = job.period ? await job.period(ctx) : null;
  if (job.period && period === null)
    return { job: job.name, period, status: "skipped", detail: "nothing due" };
  const lock = `job:${job.name}`;
  const until = new Date(ctx.clock().getTime() + LEASE_MS).toISOString();
  if (!(await ctx.delivery.acquireLock(lock, ctx.owner, iso(), until, (o) => isOwnerDead(o, ctx.owner)))) {
    return { job: job.name, period, status: "skipped", detail: "running elsewhere" };
  }
  try {
    if (period !== null && !(await ctx.delivery.startJobRun(job.name, period, iso()))) {
      return { job: job.name, period, status: "skipped", detail: "already done" };
    }
    try {
      const detail = await job.run(ctx, period);
      if (period !== null) await ctx.delivery.finishJobRun(job.name, period, "done", detail, iso());
      return { job: job.name, period, status: "done", detail };
    } catch (error) {
      const detail = messageOf(error);
      if (period !== null) await ctx.delivery.finishJobRun(job.name, period, "failed", detail, iso());
      ctx.log(`jobs: ${job.name}${period ? ` ${period}` : ""} failed: ${detail}`);
      return { job: job.name, period, status: "failed", detail };
    }
  } finally {
    await ctx.delivery.releaseLock(lock, ctx.owner);
  }
}

export interface RunningJobs {
  /** Makes every job look at once whether it is due (after a clock change, or "harvest now"). */
  wake(): void;
  /** Stops after the jobs running now finish. */
  stop(): Promise<void>;
}

/** Runs each job every `job.everyMs` until stopped; `onOutcome` sees every run that was not skipped. */
export function startJobs(
  jobs: readonly Job[],
  ctx: JobContext,
  onOutcome?: (o: JobOutcome) => void,
): RunningJobs {
  let stopped = false;
  let woken = 0;
  const abort = new AbortController();
  const running: JobContext = { ...ctx, signal: ctx.signal ? AbortSignal.any([ctx.signal, abort.signal]) : abort.signal };
  const loops = jobs.map(async (job) => {
    let failures = 0;
    while (!stopped) {
      const seen = woken;
      const outcome = await runJobOnce(job, running).catch((error: unknown): JobOutcome => {
        ctx.log(`jobs: ${job.name}: ${messageOf(error)}`);
        return { job: job.name, period: null, status: "failed", detail: messageOf(error) };
      });
      if (outcome.status !== "skipped") onOutcome?.(outcome);
      failures = outcome.status === "failed" ? failures + 1 : outcome.status === "done" ? 0 : failures;
      await sleepUnless(() => stopped || woken !== seen, pauseAfter(job.everyMs, failures));
    }
  });
  return {
    wake() {
      woken++;
    },
    async stop() {
      stopped = true;
      abort.abort(new PaperfeedError("jobs", "stopped", "stopped: the process is shutting down"));
      await Promise.all(loops);
    },
  };
}

/** A job that keeps failing (arXiv unreachable, no network) is asked less and less often: up to 1 h. */
export const pauseAfter = (everyMs: number, failures: number) =>
  failures === 0 ? everyMs : Math.max(everyMs, Math.min(MAX_FAILURE_PAUSE_MS, everyMs * 2 ** failures));
const MAX_FAILURE_PAUSE_MS = 60 * 60_000;

/**
 * Sleeps `ms` of real time (the loop's pace, not the jobs' clock), waking early (checked every
 * 200 ms) once `done()` is true.
 */
async function sleepUnless(done: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end)
    await new Promise((resolve) => setTimeout(resolve, Math.min(200, end - Date.now())));
}
