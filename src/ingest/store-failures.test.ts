/**
 * Imports never lose records silently: a database locked by other writers is waited for and
 * retried, two imports at once both store everything, and a full disk stops the import with every
 * record not stored named and a non-zero exit.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { Worker } from "node:worker_threads";
import { runCli } from "../cli/testing/run-cli.js";
import { PostgresStore } from "../store/postgres/postgres-store.js";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";
import { dropSchema, TEST_DATABASE_URL } from "../../test/store/postgres-suite.js";
import { DEMO_DATA_PATH } from "./demo.js";
import { importFiles } from "./import.js";

const root = mkdtempSync(join(tmpdir(), "paperfeed-store-failures-"));
after(() => rmSync(root, { recursive: true, force: true }));
const DEMO_PAPERS = 4772;

// Another connection writing as members vote: short write transactions, and now and then one
// that holds the lock longer than the importer's busy timeout.
const VOTER = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: 10000 });
db.exec("CREATE TABLE IF NOT EXISTS test_votes (n INTEGER)");
const stop = new Int32Array(workerData.stop);
const pause = new Int32Array(new SharedArrayBuffer(4));
let n = 0;
parentPort.postMessage("voting");
while (Atomics.load(stop, 0) === 0) {
  const hold = n % 10 === 9 ? 400 : 5;
  db.transaction(() => {
    db.prepare("INSERT INTO test_votes VALUES (?)").run(n++);
    Atomics.wait(pause, 0, 0, hold);
  }).immediate();
  Atomics.wait(pause, 0, 0, 20);
}
db.close();
parentPort.postMessage(n);
`;

test("an import while others write (locked database) waits and retries: every record stored, no issue", async () => {
  const path = join(root, "voting.db");
  const store = SqliteStore.open({ path, busyTimeoutMs: 100 });
  const stop = new SharedArrayBuffer(4);
  const voter = new Worker(VOTER, { eval: true, workerData: { path, stop, driver: createRequire(import.meta.url).resolve("better-sqlite3") } });
  const messages: unknown[] = [];
  const done = new Promise<void>((resolve, reject) => {
    voter.on("message", (m) => {
      messages.push(m);
      if (typeof m === "number") resolve();
    });
    voter.on("error", reject);
  });
  await new Promise((resolve) => voter.once("message", resolve));
  const summary = await importFiles(store, [DEMO_DATA_PATH], { batchSize: 50 });
  Atomics.store(new Int32Array(stop), 0, 1);
  await done;
  assert.deepEqual(summary.issues, []);
  assert.equal(summary.imported, DEMO_PAPERS);
  assert.equal(summary.notStored, 0);
  assert.equal(await store.countPapers(), DEMO_PAPERS);
  assert.ok((messages.at(-1) as number) > 10, `the voter wrote meanwhile: ${String(messages.at(-1))}`);
  await store.close();
});

test("two imports at once into one SQLite file: both exit 0 and every record is stored", async () => {
  const dir = join(root, "two");
  mkdirSync(dir);
  const run = () => runCli(["import", DEMO_DATA_PATH, "--db", "papers.db"], { cwd: dir });
  const [a, b] = await Promise.all([run(), run()]);
  for (const r of [a, b]) {
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /not stored/);
  }
  const store = SqliteStore.open({ path: join(dir, "papers.db") });
  assert.equal(await store.countPapers(), DEMO_PAPERS);
  await store.close();
});

test("two imports at once into one PostgreSQL schema: every record stored, no issue", { skip: process.env.PAPERFEED_SKIP_POSTGRES === "1" ? "PAPERFEED_SKIP_POSTGRES=1" : false }, async () => {
  const schema = `pf_two_imports_${process.pid}`;
  const [a, b] = [await PostgresStore.open({ url: TEST_DATABASE_URL, schema }), await PostgresStore.open({ url: TEST_DATABASE_URL, schema })];
  try {
    const [x, y] = await Promise.all([importFiles(a, [DEMO_DATA_PATH], { batchSize: 100 }), importFiles(b, [DEMO_DATA_PATH], { batchSize: 100 })]);
    assert.deepEqual([...x.issues, ...y.issues], []);
    assert.equal(x.imported + x.updated + x.unchanged, DEMO_PAPERS);
    assert.equal(await a.countPapers(), DEMO_PAPERS);
  } finally {
    await a.close();
    await b.close();
    await dropSchema(schema);
  }
});

/** A tmpfs of `size` mounted at a new folder, or why it cannot be (not root, no mount). */
function smallFileSystem(size: string): { dir: string; unmount: () => void } | string {
  const dir = mkdtempSync(join(root, "full-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { encoding: "utf8" });
  if (mounted.status !== 0) return `cannot mount a tmpfs here (${(mounted.stderr || mounted.error?.message || "").trim()})`;
  return { dir, unmount: () => spawnSync("umount", [dir]) };
}

test("a full disk (a 2 MB tmpfs) stops the import: every record not stored is named, exit 1", async (t) => {
  const fs = smallFileSystem("2m");
  if (typeof fs === "string") return t.skip(fs);
  try {
    const r = await runCli(["import", DEMO_DATA_PATH, "--db", join(fs.dir, "papers.db")], { cwd: fs.dir });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const named = r.stderr.match(/^paperfeed: ingest: .*papers\.jsonl\.gz line \d+: not stored \(store: .*the disk is full/gm) ?? [];
    assert.ok(named.length > 0, r.stderr.slice(0, 2000));
    assert.match(r.stderr, /^paperfeed: import stopped: the store failed \(.*the disk is full.*\); nothing after .*papers\.jsonl\.gz line \d+ was read$/m);
    const notStored = Number(/, (\d+) not stored/.exec(r.stdout)?.[1]);
    assert.equal(notStored, named.length, r.stdout);
    // What the summary says was stored is stored.
    const imported = Number(/: (\d+) imported/.exec(r.stdout)?.[1]);
    const store = SqliteStore.open({ path: join(fs.dir, "papers.db") });
    assert.equal(await store.countPapers(), imported);
    await store.close();
  } finally {
    fs.unmount();
  }
});
