/**
 * A job declares its own schedule: how often to look (`everyMs`) and, for jobs that work per
 * period, which period is due now (`period`). The runner records each (job, period) in the store,
 * so a period done is never redone, by this process or another, before or after a restart.
 */
import type { Config } from "../config/types.js";
import type { Clock } from "../ingest/http/clock.js";
import type { CommunityStore } from "../store/community-types.js";
import type { DeliveryStore } from "../store/delivery-types.js";
import type { Store } from "../store/types.js";

export interface JobContext {
  store: Store;
  delivery: DeliveryStore;
  /** Accounts, follows, votes, paper activity and GitHub stars. */
  community: CommunityStore;
  config: Config;
  /** This process's owner id (deliver/owner.ts), for locks and outbox claims. */
  owner: string;
  clock: () => Date;
  /** The same time as `clock`, with sleeps: what polite outside-service clients wait on (a FakeClock in tests). */
  time: Clock;
  log: (line: string) => void;
  /** Aborted when the runner stops: long waits (Retry-After, backoff, downloads) end at once. */
  signal?: AbortSignal;
}

export interface Job {
  /** Stable name, e.g. "digest.daily"; also the lock and job-run name. */
  name: string;
  /** How often the runner asks this job whether something is due, in ms (≥ 1000 in production). */
  everyMs: number;
  /**
   * The period due now ("2024-01-15", "2024-W03"), or null when nothing is. Jobs without this
   * method run on every tick and keep no run record (e.g. draining the outbox).
   */
  period?(ctx: JobContext): Promise<string | null>;
  /** Does the work; the returned line is stored as the run's detail. */
  run(ctx: JobContext, period: string | null): Promise<string>;
}
