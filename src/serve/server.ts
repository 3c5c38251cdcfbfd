/**
 * Puts paperfeed on a socket: opens the store, fills an empty database with the demo papers when
 * asked to, opens the live search index next to it, and serves the app. `close()` releases all of
 * it (socket, open connections, index, store); signal handling is the CLI's business.
 */
import { statSync } from "node:fs";
import type { Server } from "node:http";
import { freemem } from "node:os";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import type { AccountMailer } from "../actions/accounts/mailer.js";
import type { Config } from "../config/types.js";
import { PaperfeedError, messageOf } from "../core/errors.js";
import { createPaperFetcher } from "../ingest/arxiv-api/index.js";
import { DEMO_DATA_PATH } from "../ingest/demo.js";
import { type Clock, systemClock } from "../ingest/http/clock.js";
import { importFiles } from "../ingest/import.js";
import { createAccountMailer } from "../deliver/account-mailer.js";
import { newOwner } from "../deliver/owner.js";
import { jobNames, jobsFor } from "../jobs/all-jobs.js";
import { type RunningJobs, startJobs } from "../jobs/runner.js";
import type { Job } from "../jobs/types.js";
import { type LiveIndex, openLiveIndex } from "../search/live.js";
import { populateFileMaps } from "../search/persist/map-file.js";
import type { CommunityStore } from "../store/community-types.js";
import type { DeliveryStore } from "../store/delivery-types.js";
import type { ApiTokenStore } from "../store/api-token-types.js";
import { openApiTokenStore } from "../store/open-api-tokens.js";
import { openCommunityStore } from "../store/open-community.js";
import { openDeliveryStore } from "../store/open-delivery.js";
import { MAX_MAP_BYTES, openStore } from "../store/open.js";
import type { Store } from "../store/types.js";
import { createApp } from "./app.js";
import { type Logger, createLogger } from "./log.js";

export interface RunningServer {
  /** Base URL with the port actually bound, e.g. "http://127.0.0.1:8080". */
  url: string;
  /** The background jobs this process runs (null with `--no-jobs`). */
  jobs: RunningJobs | null;
  close(): Promise<void>;
}

async function importDemoIfEmpty(store: Store, config: Config, log: Logger): Promise<void> {
  if (!config.demo || (await store.countPapers()) > 0) return;
  log.info("serve: the database is empty; importing the demo papers");
  const s = await importFiles(store, [DEMO_DATA_PATH]);
  log.info(
    `serve: demo import: ${s.imported} papers imported, ${s.skipped} skipped, ${s.issueCount} issues in ${s.seconds.toFixed(1)} s`,
  );
  for (const issue of s.issues.slice(0, 5)) log.warn(issue.reason);
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.listen(port, host);
    const onError = (e: NodeJS.ErrnoException) => {
      const why =
        e.code === "EADDRINUSE"
          ? "the address is already in use"
          : e.code === "EACCES"
            ? "permission denied"
            : messageOf(e);
      reject(
        new PaperfeedError("serve", "listen_failed", `cannot listen on ${host}:${port}: ${why}`, 500, {
          cause: e,
        }),
      );
    };
    server.once("error", onError);
    server.once("listening", () => {
      server.off("error", onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

const urlHost = (host: string) => (host.includes(":") ? `[${host}]` : host);

export interface StartOptions {
  /** Where the server reports; default: stderr at `config.logLevel`. */
  log?: Logger;
  /**
   * Sends account mail; closed with the server. Default: with an SMTP server, the outbox
   * (src/deliver/account-mailer.ts), sent by the outbox job; without one, none, and sign-ups are
   * active at once.
   */
  accountMailer?: AccountMailer;
  /** The time of the jobs and of on-demand fetches (a FakeClock in tests); default the wall clock. */
  clock?: Clock;
  /** The jobs to run when `config.jobs` is on; default `jobsFor(config)`. */
  jobs?: readonly Job[];
  /** Load the saved search index but never write it: another process of `serve --workers` saves. */
  readOnlyIndex?: boolean;
}

/**
 * What `serve --workers N` does once before starting its web processes: the demo import into an
 * empty database and the search index built and saved, so the workers only load it (mapped,
 * shared) instead of each building its own.
 */
export async function prepareServe(config: Config, options: { log?: Logger } = {}): Promise<void> {
  const log = options.log ?? createLogger(config.logLevel);
  const store = await openStore({ path: config.db, url: config.databaseUrl ?? undefined });
  try {
    await importDemoIfEmpty(store, config, log);
    const index = await openLiveIndex({ store, dir: config.indexDir, log: (m) => log.info(m) });
    await index.close();
  } finally {
    await store.close();
  }
}

/**
 * Fills in the page tables of SQLite's map of `db` on a pool thread (populateFileMaps), so that
 * requests do not fault the papers' pages in one at a time; again every REPOPULATE_MS, since SQLite
 * may map the file anew (one of a demo server's two web processes had kept none of it seconds
 * later), and a map already filled in takes 35–70 ms of that thread's time at 2 GiB. Not on a
 * machine short of memory, where pages not in the OS cache would be read from disk for it.
 * Returns what stops the repeats.
 */
function populateDatabaseMap(db: string, log: Logger): () => void {
  const populate = () => {
    let size: number;
    try {
      size = statSync(db).size;
    } catch {
      return;
    }
    if (freemem() < 2 * Math.min(size, MAX_MAP_BYTES)) return;
    const started = performance.now();
    populateFileMaps(db).then(
      (bytes) => bytes !== null && log.debug(`serve: ${(bytes / 2 ** 20).toFixed(0)} MiB of the database's map populated in ${(performance.now() - started).toFixed(0)} ms`),
      (e) => log.debug(`serve: the database's map stays as it is: ${messageOf(e)}`),
    );
  };
  populate();
  const timer = setInterval(populate, REPOPULATE_MS).unref();
  return () => clearInterval(timer);
}

/** How often a web process fills in its map of the database again (see populateDatabaseMap). */
const REPOPULATE_MS = 10 * 60_000;

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel);
  const where = { path: config.db, url: config.databaseUrl ?? undefined };
  // Pages read papers from anywhere in the file: mapped, as much of it as SQLite maps.
  const store = await openStore({ ...where, mapBytes: MAX_MAP_BYTES });
  let index: LiveIndex | null = null;
  let delivery: DeliveryStore | null = null;
  let community: CommunityStore | null = null;
  let apiTokens: ApiTokenStore | null = null;
  let jobs: RunningJobs | null = null;
  let accountMailer: AccountMailer | null = options.accountMailer ?? null;
  let stopPopulating = () => {};
  const release = async () => {
    stopPopulating();
    // Jobs first: they write through the stores closed below.
    await jobs?.stop();
    await accountMailer?.close();
    await apiTokens?.close();
    await community?.close();
    await index?.close();
    await delivery?.close();
    await store.close();
  };
  try {
    await importDemoIfEmpty(store, config, log);
    // A first start over all of arXiv rebuilds for minutes: say how far it is, a line per tenth.
    let reported = -1;
    index = await openLiveIndex({
      store,
      dir: config.indexDir,
      ...(options.readOnlyIndex ? { readOnly: true } : {}),
      log: (m) => log.info(m),
      // A damaged index must not keep the server from answering everything else.
      rebuildInBackground: true,
      onRebuildProgress: (papers, total) => {
        const tenth = total > 0 ? Math.floor((papers / total) * 10) : 0;
        if (tenth > reported && total >= 100_000) log.info(`serve: indexing: ${papers.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} papers`);
        reported = Math.max(reported, tenth);
      },
    });
    // SQLite has mapped its file by now (the index read the store).
    if (!where.url) stopPopulating = populateDatabaseMap(config.db, log);
    // Subscriptions need the delivery tables only when mail can be sent, the jobs always (their
    // leases live there); opened here so close() ends them.
    if (config.smtpUrl || config.jobs) delivery = await openDeliveryStore(where);
    // Account mail is queued in the outbox, so no request waits for the mail server.
    if (!accountMailer && config.smtpUrl && delivery) accountMailer = createAccountMailer(() => Promise.resolve(delivery!), options.clock ? () => new Date(options.clock!.now()) : undefined);
    community = await openCommunityStore(where);
    apiTokens = await openApiTokenStore(where);
    // Papers the store lacks are fetched from arXiv's export API, unless --arxiv-api-url off.
    const fetchPaper = createPaperFetcher({ config, log: (line) => log.warn(line), ...(options.clock ? { clock: options.clock } : {}) }) ?? undefined;
    const app = createApp({ store, search: index.engine, config, log, ...(delivery && config.smtpUrl ? { delivery } : {}), communityStore: community, apiTokens, accountMailer, fetchPaper, pageVersion: () => index!.seq });
    const server = createAdaptorServer({ fetch: app.fetch, autoCleanupIncoming: true }) as Server;
    const address = await listen(server, config.host, config.port);
    const url = `http://${urlHost(config.host)}:${address.port}`;
    log.info(`serve: ${index.engine.size} papers searchable; listening on ${url}`);
    if (config.jobs && delivery) {
      // One process does everything: the jobs run here, on the server's own stores.
      const list = options.jobs ?? jobsFor(config);
      const time = options.clock ?? systemClock;
      jobs = startJobs(
        list,
        { store, delivery, community, config, owner: newOwner(), clock: () => new Date(time.now()), time, log: (l) => log.warn(l) },
        (o) => log.info(`jobs: ${o.job}${o.period ? ` ${o.period}` : ""}: ${o.status}, ${o.detail}`),
      );
      log.info(`serve: running jobs: ${jobNames(list)} (--no-jobs for a web-only node)`);
    } else if (options.readOnlyIndex) log.info("serve: this web process runs no jobs: the first one does");
    else log.info("serve: web only (--no-jobs): run `paperfeed worker` on another node for harvests, digests and mail");
    let closing: Promise<void> | null = null;
    return {
      url,
      jobs,
      close: () =>
        (closing ??= (async () => {
          const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeAllConnections();
          await stopped;
          await release();
        })()),
    };
  } catch (e) {
    await release().catch(() => {});
    throw e;
  }
}
