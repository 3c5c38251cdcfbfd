/**
 * Papers fetched from arXiv when someone asks for one the store lacks, without ever letting
 * visitors make the instance hammer arXiv:
 * - what arXiv answered is remembered for a while, "no such paper" as well as papers, in a
 *   bounded cache with a time to live, so a member retrying or a crawler asking for
 *   /papers/9999.99999 again and again costs arXiv one request per TTL;
 * - concurrent asks for one id share one request;
 * - after arXiv could not be reached, asks fail at once for `outageMs` instead of queueing;
 * - at most `maxPending` ids wait for their turn (requests are 3 s apart), others fail at once;
 * - a visitor waits at most `waitMs` whatever arXiv does (queue, retries, slow answers): then a
 *   503 "try again", while the fetch goes on and its answer is remembered for the next ask.
 * The store stays the lasting cache: callers upsert what this returns (resolvePaper, the paper
 * routes), and look there first.
 */
import { requireArxivId } from "../../core/arxiv-id.js";
import { PaperfeedError, isPaperfeedError } from "../../core/errors.js";
import type { Paper } from "../../core/paper.js";
import { type Clock, systemClock } from "../http/clock.js";
import { arxivUnavailable, type ArxivApiClient } from "./client.js";
import { TtlCache } from "../../core/ttl-cache.js";

export interface OnDemandOptions {
  /** How long a fetched paper is remembered, ms; default 1 h, ≥ 0 (0: not at all). */
  foundTtlMs?: number;
  /** How long "arXiv has no such paper" is remembered, ms; default 1 h, ≥ 0. */
  missingTtlMs?: number;
  /** Ids remembered at most, found and missing together (least recently used go first); default 10,000, ≥ 0. */
  cacheSize?: number;
  /** After arXiv could not be reached, fetches fail at once for this long, ms; default 60,000, ≥ 0. */
  outageMs?: number;
  /** Distinct ids being fetched or waiting their turn at most; more fail at once as busy. Default 10, ≥ 1. */
  maxPending?: number;
  /** Longest a caller waits for one fetch, ms (wall clock); default 30,000, ≥ 1. */
  waitMs?: number;
  clock?: Pick<Clock, "now">;
}

export const ON_DEMAND_DEFAULTS = {
  foundTtlMs: 60 * 60_000,
  missingTtlMs: 60 * 60_000,
  cacheSize: 10_000,
  outageMs: 60_000,
  maxPending: 10,
  waitMs: 30_000,
} as const;

export class OnDemandFetcher {
  private readonly o: Required<Omit<OnDemandOptions, "clock">>;
  private readonly clock: Pick<Clock, "now">;
  private readonly remembered: TtlCache<string, Paper | null>;
  private readonly pending = new Map<string, Promise<Paper | null>>();
  private downUntil = 0;

  constructor(
    private readonly client: ArxivApiClient,
    options: OnDemandOptions = {},
  ) {
    const { clock, ...limits } = options;
    this.o = { ...ON_DEMAND_DEFAULTS, ...stripUndefined(limits) };
    this.clock = clock ?? systemClock;
    this.remembered = new TtlCache(this.o.cacheSize, this.clock);
  }

  /**
   * The paper `raw` names (any pasted form), or null when arXiv does not have it. Throws
   * `bad_arxiv_id` (400) for what is not an id, `arxiv_unavailable` / `arxiv_busy` (503) when
   * arXiv cannot be asked now.
   */
  readonly fetch = async (raw: string): Promise<Paper | null> => {
    // Nothing is awaited before `pending` is set, so concurrent asks find the first one's fetch.
    const { id } = requireArxivId(raw);
    const known = this.remembered.get(id);
    if (known !== undefined) return known;
    const shared = this.pending.get(id);
    if (shared) return this.waitFor(id, shared);
    if (this.clock.now() < this.downUntil) throw arxivUnavailable(id);
    if (this.pending.size >= this.o.maxPending) throw arxivBusy(id);
    const asked = this.client.fetchPaper(id).then(
      (paper) => {
        this.remembered.set(id, paper, paper ? this.o.foundTtlMs : this.o.missingTtlMs);
        return paper;
      },
      (e: unknown) => {
        if (isPaperfeedError(e) && e.id === "arxiv_unavailable") this.downUntil = this.clock.now() + this.o.outageMs;
        throw e;
      },
    );
    const settled = asked.finally(() => this.pending.delete(id));
    // Whoever stops waiting, the fetch finishes; its failure then has no one to reach.
    settled.catch(() => undefined);
    this.pending.set(id, settled);
    return this.waitFor(id, settled);
  };

  /** `fetching`, or a 503 once the caller has waited `waitMs`. */
  private waitFor(id: string, fetching: Promise<Paper | null>): Promise<Paper | null> {
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(arxivSlow(id, this.o.waitMs)), this.o.waitMs);
      timer.unref();
    });
    return Promise.race([fetching, giveUp]).finally(() => clearTimeout(timer));
  }
}

const arxivSlow = (id: string, waitMs: number) =>
  new PaperfeedError(
    "ingest",
    "arxiv_slow",
    `arXiv has not answered for paper ${id} within ${waitMs < 1000 ? `${waitMs} ms` : `${Math.round(waitMs / 1000)} s`}; it is still being fetched, so try again in a minute`,
    503,
    { visible: true },
  );

const arxivBusy = (id: string) =>
  new PaperfeedError(
    "ingest",
    "arxiv_busy",
    `too many papers are being fetched from arXiv at once to fetch ${id} now; try again in a minute`,
    503,
    { visible: true },
  );

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
