/**
 * Digest benchmark (child-process task): N subscribers with 3 saved searches each (1 in 3 with a
 * negative keyword) get the daily digest of the newest announcement day of the real daily
 * listings file, composed, queued and handed to a local SMTP server in another process. Timed:
 * queueing (composing every digest, recording shown papers) and sending (render, MIME, SMTP, the
 * outbox bookkeeping); setup (import, subscribers) is not.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import Database from "better-sqlite3";
import { dailyPeriod } from "../src/actions/digest/periods.js";
import { newOwner } from "../src/deliver/owner.js";
import { queueDigests } from "../src/deliver/queue-digests.js";
import { drainOutbox } from "../src/deliver/sender.js";
import { SmtpClient, parseSmtpUrl } from "../src/deliver/smtp.js";
import { importFiles } from "../src/ingest/import.js";
import { SqliteDeliveryStore } from "../src/store/sqlite/delivery-store.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { createRandom } from "./corpus/prng.js";
import { REPO_ROOT } from "./paths.js";
import { peakRssBytes } from "./stats.js";

export interface DigestArgs {
  /** Daily listings file (real records). */
  file: string;
  tmpDir: string;
  subscribers: number;
}

export interface DigestResult {
  subscribers: number;
  savedSearches: number;
  periodPapers: number;
  queued: number;
  queueSeconds: number;
  /** CPU time of this process (user + system), which other load on the machine does not inflate. */
  queueCpuSeconds: number;
  sent: number;
  sendSeconds: number;
  sendCpuSeconds: number;
  /** 1-minute load average when it finished: wall times mean little on a busy machine. */
  loadAverage: number;
  /** Messages the SMTP server accepted, and how many distinct Message-IDs among them. */
  accepted: number;
  distinct: number;
  totalSeconds: number;
  peakRssBytes: number;
}

/** Bulk setup straight into the tables (one transaction), since only delivery is measured. */
function addSubscribers(dbPath: string, count: number, titles: string[]): number {
  const random = createRandom(7);
  const words = [
    ...new Set(titles.flatMap((t) => t.toLowerCase().split(/[^a-z]+/)).filter((w) => w.length > 5)),
  ];
  const pick = () => random.pick(words);
  const db = new Database(dbPath);
  const now = new Date().toISOString();
  const subscriber = db.prepare(
    "INSERT INTO subscribers (email, cadence, status, created_at, confirmed_at) VALUES (?, 'daily', 'active', ?, ?)",
  );
  const search = db.prepare(
    "INSERT INTO saved_searches (subscriber_id, name, query, exclude, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  let searches = 0;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = Number(subscriber.run(`reader${i}@bench.example.org`, now, now).lastInsertRowid);
      for (let k = 0; k < 3; k++) {
        const query = random.chance(0.5) ? pick() : `${pick()} ${pick()}`;
        search.run(id, query, query, JSON.stringify(k === 0 && i % 3 === 0 ? [pick()] : []), now);
        searches++;
      }
    }
  })();
  db.close();
  return searches;
}

async function startSinkProcess(): Promise<{
  port: number;
  report: () => Promise<{ accepted: number; distinct: number }>;
  stop: () => void;
}> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "bench/digest-sink.ts")], {
    stdio: ["pipe", "pipe", "inherit"],
    cwd: REPO_ROOT,
  });
  const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value ?? "");
  const port = Number((await next()).replace("port ", ""));
  return {
    port,
    report: async () => {
      child.stdin!.write("report\n");
      return JSON.parse(await next()) as { accepted: number; distinct: number };
    },
    stop: () => child.kill("SIGTERM"),
  };
}

export async function runDigestBench(args: DigestArgs): Promise<DigestResult> {
  const dir = fs.mkdtempSync(path.join(args.tmpDir, "paperfeed-digest-bench-"));
  const dbPath = path.join(dir, "bench.db");
  const log = (m: string) => console.error(`[digest ${new Date().toISOString().slice(11, 19)}] ${m}`);
  const sink = await startSinkProcess();
  try {
    const store = SqliteStore.open({ path: dbPath });
    log(`importing ${path.basename(args.file)}`);
    await importFiles(store, [args.file]);
    const newest = (await store.announcedDays({ limit: 1 }))[0];
    if (!newest) throw new Error(`bench: ${args.file} holds no announced papers to make a digest of`);
    const day = newest.day;
    const dayPapers = await store.listAnnounced(day, day, { limit: 1000 });
    log(`adding ${args.subscribers.toLocaleString("en-US")} subscribers with 3 saved searches each`);
    const savedSearches = addSubscribers(
      dbPath,
      args.subscribers,
      dayPapers.map((p) => p.title),
    );
    const delivery = SqliteDeliveryStore.open({ path: dbPath });

    log(`queueing the ${day} digests`);
    const cpuAtStart = process.cpuUsage();
    const started = performance.now();
    const queued = await queueDigests({
      store,
      delivery,
      period: dailyPeriod(day),
      pageSize: 2000,
      onProgress: (n) => n % 20_000 === 0 && log(`composed ${n}`),
    });
    const queueSeconds = (performance.now() - started) / 1000;
    const cpuAtSend = process.cpuUsage();

    log(`sending ${queued.queued.toLocaleString("en-US")} digests to 127.0.0.1:${sink.port}`);
    const settings = parseSmtpUrl(`smtp://127.0.0.1:${sink.port}?rateLimit=10000&maxConnections=4`);
    const smtp = new SmtpClient(settings);
    const sendStarted = performance.now();
    const sent = await drainOutbox(
      {
        delivery,
        store,
        smtp,
        owner: newOwner(),
        base: "https://papers.example.org",
        from: "paperfeed <digest@papers.example.org>",
        secret: await delivery.secret("links"),
        concurrency: settings.maxConnections,
      },
      500,
    );
    const sendSeconds = (performance.now() - sendStarted) / 1000;
    const cpuSeconds = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) =>
      (to.user + to.system - from.user - from.system) / 1e6;
    const cpuAtEnd = process.cpuUsage();
    await smtp.close();
    const { accepted, distinct } = await sink.report();
    await delivery.close();
    await store.close();
    return {
      subscribers: args.subscribers,
      savedSearches,
      periodPapers: queued.papers,
      queued: queued.queued,
      queueSeconds,
      queueCpuSeconds: cpuSeconds(cpuAtStart, cpuAtSend),
      sent: sent.sent,
      sendSeconds,
      sendCpuSeconds: cpuSeconds(cpuAtSend, cpuAtEnd),
      loadAverage: os.loadavg()[0]!,
      accepted,
      distinct,
      totalSeconds: queueSeconds + sendSeconds,
      peakRssBytes: peakRssBytes(),
    };
  } finally {
    sink.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;

/** The RESULTS.md section. */
export function digestSection(r: DigestResult): string {
  const rate = (n: number, s: number) => `${Math.round(n / Math.max(s, 1e-9)).toLocaleString("en-US")}/s`;
  const pass = r.totalSeconds <= 600 && r.accepted === r.queued && r.distinct === r.queued ? "pass" : "FAIL";
  return [
    `### Digests: ${r.subscribers.toLocaleString("en-US")} subscribers × 3 saved searches`,
    "",
    `Daily digest of the newest day of the real daily listings (${r.periodPapers.toLocaleString("en-US")} papers), composed, queued and handed to a local SMTP server in another process.`,
    "",
    "| step | wall time | rate | sender CPU |",
    "| --- | ---: | ---: | ---: |",
    `| compose + queue ${r.queued.toLocaleString("en-US")} digests | ${r.queueSeconds.toFixed(1)} s | ${rate(r.queued, r.queueSeconds)} | ${r.queueCpuSeconds.toFixed(1)} s |`,
    `| render + send ${r.sent.toLocaleString("en-US")} | ${r.sendSeconds.toFixed(1)} s | ${rate(r.sent, r.sendSeconds)} | ${r.sendCpuSeconds.toFixed(1)} s |`,
    `| **total** (target ≤ 600 s) | **${r.totalSeconds.toFixed(1)} s** | ${pass} | ${(r.queueCpuSeconds + r.sendCpuSeconds).toFixed(1)} s |`,
    "",
    `The server accepted ${r.accepted.toLocaleString("en-US")} messages with ${r.distinct.toLocaleString("en-US")} distinct Message-IDs; peak RSS ${mb(r.peakRssBytes)}; load average ${r.loadAverage.toFixed(1)} on ${os.cpus().length} cores at the end.`,
  ].join("\n");
}
