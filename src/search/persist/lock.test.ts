import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { openStore } from "../../store/open.js";
import { Engine } from "../engine.js";
import { openLiveIndex } from "../live.js";
import { loadFixturePapers } from "../testing/fixture-papers.js";
import { loadIndex } from "./load.js";
import { LOCK_FILE, takeWriterLock } from "./lock.js";

const root = mkdtempSync(join(tmpdir(), "paperfeed-lock-"));
after(() => rmSync(root, { recursive: true, force: true }));
const papers = loadFixturePapers();

test("two live indexes on one folder: the first writes it, the second only reads, so no save deletes the other's files", async () => {
  const dir = join(root, "shared-index");
  const store = await openStore({ path: join(root, "shared.db") });
  await store.upsertPapers(papers.slice(0, 30));
  const first = await openLiveIndex({ store, dir });
  const lines: string[] = [];
  const second = await openLiveIndex({ store, dir, log: (l) => lines.push(l) });
  assert.equal(first.writer, true);
  assert.equal(second.writer, false);
  assert.ok(lines.some((l) => /is written by process \d+ on .*; this process reads it/.test(l)), lines.join("\n"));

  // Each adds the same papers as a segment of its own, and each saves.
  await store.upsertPapers(papers.slice(30, 40));
  await first.sync();
  await first.save();
  await second.sync();
  await second.save();
  await store.upsertPapers(papers.slice(40, 50));
  await first.sync();
  await first.save();
  await second.sync();
  await second.save();
  await assert.rejects(second.rebuild(), /is written by process \d+/);

  const loaded = loadIndex(dir, new Engine().params);
  assert.ok(loaded.ok, loaded.ok ? "" : loaded.reason);
  assert.equal(loaded.manifest.docCount, 50);
  await second.close();
  await first.close();
  assert.ok(!readdirSync(dir).includes(LOCK_FILE), "the writer's close releases the lock");
  const reopened = await openLiveIndex({ store, dir });
  assert.equal(reopened.openedFrom, "disk");
  assert.equal(reopened.writer, true);
  await reopened.close();
  await store.close();
});

test("a lock left by a process that died is taken over; one held by a live process is not", () => {
  const dir = mkdtempSync(join(root, "stale-"));
  const exited = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ host: hostname(), pid: Number(exited.stdout) }));
  const lock = takeWriterLock(dir);
  assert.ok(lock, "the dead writer's lock is replaced");
  assert.equal(takeWriterLock(dir), null, "held now");
  lock.release();

  // pid 1 always runs; another host's lock is never judged from here.
  for (const owner of [{ host: hostname(), pid: 1 }, { host: "elsewhere.example", pid: Number(exited.stdout) }]) {
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(owner));
    assert.equal(takeWriterLock(dir), null, JSON.stringify(owner));
  }
});
