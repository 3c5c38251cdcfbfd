import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { makePaper } from "../core/index.js";
import { openStore } from "../store/open.js";
import { openLiveIndex } from "./live.js";
import { loadFixturePapers } from "./testing/fixture-papers.js";

const root = mkdtempSync(join(tmpdir(), "paperfeed-live-"));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const paths = () => {
  n++;
  return { db: join(root, `${n}.db`), dir: join(root, `${n}.index`) };
};
const papers = loadFixturePapers().slice(0, 60);
const ids = (index: { engine: { search(r: { q: string }): { hits: Array<{ id: string }> } } }, q: string) => index.engine.search({ q }).hits.map((h) => h.id);

test("builds from the store, follows imports, updates and deletes, and reloads from disk", async () => {
  const { db, dir } = paths();
  const store = await openStore({ path: db });
  await store.upsertPapers(papers);
  const first = await openLiveIndex({ store, dir, pollMs: 20 });
  assert.equal(first.openedFrom, "rebuild");
  assert.equal(first.engine.size, papers.length);
  assert.deepEqual(ids(first, "diphoton"), ["0704.0001"]);

  await store.upsertPapers([makePaper({ ...papers[1]!, version: 2, title: "Zebra stripes", abstract: "Stripes of zebras." })]);
  await store.deletePaper("0704.0001");
  await first.sync();
  assert.deepEqual(ids(first, "zebra"), ["0704.0002"]);
  assert.deepEqual(ids(first, "sparsity"), []);
  assert.deepEqual(ids(first, "diphoton"), []);
  await first.close();

  const second = await openLiveIndex({ store, dir, pollMs: 20 });
  assert.equal(second.openedFrom, "disk");
  assert.equal(second.engine.size, papers.length - 1);
  assert.deepEqual(ids(second, "zebra"), ["0704.0002"]);
  await second.close();
  await store.close();
});

test("picks up another process's writes by polling, without being asked", async () => {
  const { db, dir } = paths();
  const store = await openStore({ path: db });
  const index = await openLiveIndex({ store, dir, pollMs: 20 });
  const writer = await openStore({ path: db });
  await writer.upsertPapers([papers[0]!]);
  await writer.close();
  for (let waited = 0; ids(index, "diphoton").length === 0 && waited < 5000; waited += 20) await sleep(20);
  assert.deepEqual(ids(index, "diphoton"), ["0704.0001"]);
  await index.close();
  await store.close();
});

test("an index that disagrees with the store is rebuilt", async () => {
  const { db, dir } = paths();
  const store = await openStore({ path: db });
  await store.upsertPapers(papers);
  const index = await openLiveIndex({ store, dir });
  index.engine.remove("0704.0003"); // the index loses a paper the store still has
  await index.close();
  const recount = await openLiveIndex({ store, dir });
  assert.equal(recount.openedFrom, "rebuild", "doc count differs");
  assert.equal(recount.engine.size, papers.length);
  await recount.close();

  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  const segFile = join(dir, manifest.segments[0].data.file);
  writeFileSync(segFile, readFileSync(segFile).subarray(0, 1000));
  const truncated = await openLiveIndex({ store, dir });
  assert.equal(truncated.openedFrom, "rebuild", "truncated segment");
  assert.deepEqual(ids(truncated, "diphoton"), ["0704.0001"]);
  await truncated.close();

  // A flipped bit keeps the size: the checksums, verified before the index serves, find it.
  const saved = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  const damagedFile = join(dir, saved.segments[0].data.file);
  const bytes = readFileSync(damagedFile);
  const middle = bytes.length >> 1;
  bytes[middle] = bytes[middle]! ^ 0x10;
  writeFileSync(damagedFile, bytes);
  const lines: string[] = [];
  const flipped = await openLiveIndex({ store, dir, log: (line) => lines.push(line) });
  assert.equal(flipped.openedFrom, "rebuild", "checksums are verified before serving");
  assert.ok(lines.some((line) => /rebuilding the index .*fails its checksum/.test(line)), lines.join("\n"));
  assert.deepEqual(ids(flipped, "diphoton"), ["0704.0001"]);
  await flipped.close();
  const reopened = await openLiveIndex({ store, dir });
  assert.equal(reopened.openedFrom, "disk");
  await reopened.verified;
  assert.equal(reopened.engine.size, papers.length);
  await reopened.close();
  await store.close();

  // A fresh database with fewer changes than the index has seen: the index is from elsewhere.
  const other = await openStore({ path: join(root, "other.db") });
  await other.upsertPapers(papers.slice(0, 2));
  const foreign = await openLiveIndex({ store: other, dir });
  assert.equal(foreign.openedFrom, "rebuild");
  assert.equal(foreign.engine.size, 2);
  await foreign.close();
  await other.close();
});

test("rebuild() rebuilds and saves", async () => {
  const { db, dir } = paths();
  const store = await openStore({ path: db });
  await store.upsertPapers(papers.slice(0, 10));
  const index = await openLiveIndex({ store, dir });
  await index.rebuild();
  assert.equal(index.engine.size, 10);
  await index.close();
  const again = await openLiveIndex({ store, dir });
  assert.equal(again.openedFrom, "disk");
  await again.close();
  await store.close();
});

test("a large catch-up makes papers searchable a few hundred at a time, letting requests run between", async () => {
  const { db, dir } = paths();
  const store = await openStore({ path: db });
  await store.upsertPapers(papers.slice(0, 1));
  const live = await openLiveIndex({ store, dir, pollMs: 60_000 });
  // 1,200 papers arrive at once (another process's import): copies of the fixtures under new ids.
  const arriving = Array.from({ length: 1200 }, (_, i) => makePaper({ ...papers[i % papers.length]!, id: `2601.${String(10000 + i)}` }));
  for (let i = 0; i < arriving.length; i += 400) await store.upsertPapers(arriving.slice(i, i + 400));
  // Pending papers are what a request would have to flush itself: never more than a slice.
  let turns = 0;
  let mostPending = 0;
  let running = true;
  const watch = () => {
    turns++;
    mostPending = Math.max(mostPending, live.pending);
    if (running) setImmediate(watch);
  };
  setImmediate(watch);
  await live.sync();
  running = false;
  assert.equal(live.engine.size, 1201);
  assert.ok(mostPending <= 250, `a request could have met ${mostPending} pending papers`);
  assert.ok(turns >= 4, `other work ran only ${turns} times during the catch-up`);
  assert.equal(live.engine.search({ q: "diphoton", limit: 100 }).hits.length, 1 + arriving.filter((p) => p.abstract.includes("diphoton")).length);
  await live.close();
  await store.close();
});
