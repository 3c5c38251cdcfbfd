import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { DEMO_DATA_PATH } from "../../ingest/demo.js";
import { importFiles } from "../../ingest/import.js";
import { openStore } from "../../store/open.js";
import type { Store } from "../../store/types.js";
import { openLiveIndex } from "../live.js";
import { largestSegmentFile, writeRandomBytes, zeroBytes } from "../testing/damage.js";

// The demo papers (about 5,000) make a segment of a few MB: room for a megabyte of zeros.
const root = mkdtempSync(join(tmpdir(), "paperfeed-damage-"));
const db = join(root, "demo.db");
const cleanIndex = join(root, "clean-index");
const QUERIES = ["cat:cs.CV", "neural networks", "", "graph", "au:smith", '"large language models"', "vision -transformer", "diffusion sort:newest"];
let store: Store;
// No time budget: on a busy machine a query past it answers with an estimate, and totals would differ.
const engine = { timeBudgetMs: 0 };
/** Totals the sound index gives. */
const expected = new Map<string, number>();

before(async () => {
  store = await openStore({ path: db });
  await importFiles(store, [DEMO_DATA_PATH]);
  const index = await openLiveIndex({ store, dir: cleanIndex, engine });
  for (const q of QUERIES) expected.set(q, index.engine.search({ q }).total);
  await index.close();
});
after(async () => {
  await store.close();
  rmSync(root, { recursive: true, force: true });
});

let copies = 0;
function damagedCopy(damage: (file: string) => void): string {
  const dir = join(root, `index-${++copies}`);
  cpSync(cleanIndex, dir, { recursive: true });
  damage(largestSegmentFile(dir));
  return dir;
}

const totals = (index: { engine: { search(r: { q: string }): { total: number } } }) => new Map(QUERIES.map((q) => [q, index.engine.search({ q }).total]));

test("no damage makes a query spin: random bytes and zeroed megabytes read unchecked still answer or fail", () => {
  const script = fileURLToPath(new URL("../testing/query-damaged.ts", import.meta.url));
  const cases = [
    ...Array.from({ length: 8 }, (_, i) => ({ name: `random bytes, seed ${i + 1}`, damage: (f: string) => writeRandomBytes(f, i + 1) })),
    ...Array.from({ length: 2 }, (_, i) => ({ name: `1 MB zeroed, seed ${i + 1}`, damage: (f: string) => zeroBytes(f, i + 1) })),
  ];
  for (const { name, damage } of cases) {
    const dir = damagedCopy(damage);
    // A generous limit: the queries take milliseconds; only a loop that never ends comes near it.
    const run = spawnSync(process.execPath, ["--import", "tsx", script, dir, JSON.stringify(QUERIES)], { encoding: "utf8", timeout: 30_000 });
    const lines = run.stdout.trim().split("\n");
    assert.equal(run.signal, null, `${name}: killed while answering ${JSON.stringify(lines.at(-1))}`);
    assert.equal(run.status, 0, `${name}: ${run.stderr}`);
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const [name, damage] of [
  ["random bytes written into a segment", (f: string) => writeRandomBytes(f, 5)],
  ["1 MB of a segment zeroed", (f: string) => zeroBytes(f, 1)],
] as const) {
  test(`${name}: never answers from it; rebuilt before serving, or in the background with 503s meanwhile`, async () => {
    const lines: string[] = [];
    const dir = damagedCopy(damage);
    const index = await openLiveIndex({ store, dir, engine, log: (l) => lines.push(l) });
    assert.equal(index.openedFrom, "rebuild");
    assert.ok(lines.some((l) => /rebuilding the index .*fails its checksum/.test(l)), lines.join("\n"));
    assert.deepEqual(totals(index), expected);
    await index.close();

    const again = damagedCopy(damage);
    const background = await openLiveIndex({ store, dir: again, engine, rebuildInBackground: true });
    assert.throws(() => background.engine.search({ q: "cat:cs.CV" }), (e: unknown) => (e as { status?: number }).status === 503 && /being rebuilt/.test(String(e)));
    await background.verified;
    assert.deepEqual(totals(background), expected);
    await background.close();
    // The rebuilt index was saved, sound: the next start loads it.
    const reopened = await openLiveIndex({ store, dir: again, engine });
    assert.equal(reopened.openedFrom, "disk");
    assert.deepEqual(totals(reopened), expected);
    await reopened.close();
  });
}

test("an index saved by another version is rebuilt in the background with 503s meanwhile, like a damaged one", async () => {
  const dir = join(root, `index-${++copies}`);
  cpSync(cleanIndex, dir, { recursive: true });
  const manifestFile = join(dir, "manifest.json");
  writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(readFileSync(manifestFile, "utf8")), format: 1 }));
  const lines: string[] = [];
  const index = await openLiveIndex({ store, dir, engine, rebuildInBackground: true, log: (l) => lines.push(l) });
  assert.ok(lines.some((l) => /rebuilding the index in the background.*saved index has format 1\//.test(l)), lines.join("\n"));
  assert.throws(() => index.engine.search({ q: "graph" }), (e: unknown) => (e as { status?: number }).status === 503);
  await index.verified;
  assert.deepEqual(totals(index), expected);
  await index.close();
  const reopened = await openLiveIndex({ store, dir, engine });
  assert.equal(reopened.openedFrom, "disk", "the rebuilt index was saved in this version's format");
  await reopened.close();
});
