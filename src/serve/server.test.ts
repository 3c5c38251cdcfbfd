import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { isPaperfeedError } from "../core/errors.js";
import type { Job } from "../jobs/types.js";
import { openDeliveryStore } from "../store/open-delivery.js";
import { openStore } from "../store/open.js";
import { createLogger } from "./log.js";
import { startServer } from "./server.js";
import { importFixtures, testConfig } from "./testing/fixture-app.js";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "paperfeed-server-"));
  dirs.push(dir);
  return dir;
};
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

test("serves a filled database on a free port, and close() frees the port and the database", async () => {
  const config = testConfig(tempDir());
  const store = await openStore({ path: config.db });
  await importFixtures(store);
  await store.close();

  const server = await startServer(config);
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.notEqual(server.url, "http://127.0.0.1:0");
  const health = await fetch(`${server.url}/healthz`);
  assert.deepEqual(await health.json(), { status: "ok", papers: 59 });
  const page = await fetch(`${server.url}/papers/hep-th/9901001`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /String Junctions and Their Duals/);
  assert.ok(existsSync(config.indexDir), "the live index lives in config.indexDir");

  await server.close();
  await assert.rejects(fetch(`${server.url}/healthz`), "nothing listens any more");
  // The database was released: it opens again and still holds the papers.
  const reopened = await openStore({ path: config.db });
  assert.equal(await reopened.countPapers(), 59);
  await reopened.close();
});

test("an empty database gets the demo papers when demo is on", async () => {
  const lines: string[] = [];
  const config = testConfig(tempDir(), { demo: true });
  const server = await startServer(config, { log: createLogger("info", (line) => lines.push(line)) });
  const { papers } = (await (await fetch(`${server.url}/healthz`)).json()) as { papers: number };
  assert.ok(papers > 1000, `${papers} demo papers searchable`);
  assert.ok(
    lines.some((l) => /serve: demo import: \d+ papers imported/.test(l)),
    lines.join(""),
  );
  const home = await fetch(server.url);
  assert.match(await home.text(), /<p class="summary">[\d,]+ papers<\/p>/);
  await server.close();
});

test("a port in use is a clear error, and nothing is left open", async () => {
  const first = await startServer(testConfig(tempDir()));
  const port = Number(new URL(first.url).port);
  const config = testConfig(tempDir(), { port });
  await assert.rejects(startServer(config), (e: unknown) => {
    return (
      isPaperfeedError(e) &&
      e.id === "listen_failed" &&
      e.message === `serve: cannot listen on 127.0.0.1:${port}: the address is already in use`
    );
  });
  // The failed start closed its database, so it can be removed and reopened at once.
  const store = await openStore({ path: config.db });
  await store.close();
  await first.close();
});

test("serve runs the jobs in-process with leases in the database; --no-jobs runs none; close() stops a job mid-wait", async () => {
  const dir = tempDir();
  const runs: string[] = [];
  let waiting: Promise<void> | null = null;
  const job: Job = {
    name: "test.in-process",
    everyMs: 60_000,
    period: async () => "p1",
    run: async (ctx) => {
      runs.push(ctx.owner);
      // A long polite wait (Retry-After, backoff) must end when the server stops.
      waiting = new Promise<void>((resolve) => ctx.signal!.addEventListener("abort", () => resolve(), { once: true }));
      await waiting;
      return "stopped while waiting";
    },
  };
  const lines: string[] = [];
  const log = createLogger("info", (line) => lines.push(line));
  const off = await startServer(testConfig(dir, { jobs: false }), { log, jobs: [job] });
  assert.equal(off.jobs, null);
  await off.close();
  assert.equal(runs.length, 0);
  assert.ok(lines.some((l) => /web only \(--no-jobs\)/.test(l)));

  const server = await startServer(testConfig(dir, { jobs: true }), { log, jobs: [job] });
  for (let i = 0; i < 100 && runs.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(runs.length, 1, "the job ran in the serving process");
  // While it runs it holds its lease: a second node (another owner) is refused.
  const delivery = await openDeliveryStore({ path: join(dir, "paperfeed.db") });
  try {
    const now = new Date().toISOString();
    assert.equal(await delivery.acquireLock("job:test.in-process", "other-host/1/x", now, now), false);
  } finally {
    await delivery.close();
  }
  await server.close();
  assert.ok(waiting, "the job was waiting when the server stopped");
  assert.ok(lines.some((l) => /running jobs: test\.in-process/.test(l)));
});
