import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { makePaper, type Paper } from "../core/index.js";
import { importFiles } from "../ingest/import.js";
import { openStore } from "../store/open.js";
import type { Store } from "../store/types.js";
import { startImportIndex, type ImportIndexOptions } from "./import-index.js";
import { openLiveIndex, type LiveIndex } from "./live.js";
import { MANIFEST } from "./persist/format.js";
import { loadFixturePapers } from "./testing/fixture-papers.js";

const root = mkdtempSync(join(tmpdir(), "paperfeed-import-index-"));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const paths = () => {
  n++;
  return { db: join(root, `${n}.db`), dir: join(root, `${n}.index`), rebuilt: join(root, `${n}.rebuilt`) };
};
const papers = loadFixturePapers();
const QUERIES = ["quantum", "diphoton", "galaxy cluster", "au:balazs", "cat:hep-ph", "zebra", "graph", '"dark matter"', "neutrino -solar"];
const results = (index: LiveIndex) =>
  QUERIES.map((q) => index.engine.search({ q, limit: 50 }).hits.map((h) => [h.id, h.score.toFixed(6)]));

/** Small chunks, so even 200 papers go through several chunks and the final merge. */
const build = (workers: number): ImportIndexOptions["build"] => ({ workers, chunkDocs: 37 });

/** A fresh store and an import-index build started on it. */
async function started(workers: number) {
  const { db, dir, rebuilt } = paths();
  const store = await openStore({ path: db });
  const indexing = await startImportIndex(store, { dir, build: build(workers) });
  assert.ok(indexing);
  return { db, dir, rebuilt, store, indexing };
}

/** The saved index answers exactly as one rebuilt from the store. */
async function assertMatchesRebuild(store: Store, dir: string, rebuiltDir: string) {
  // No time budget: on a busy machine a query cut short would differ for no reason of ours.
  const engine = { timeBudgetMs: 0 };
  const saved = await openLiveIndex({ store, dir, engine });
  const rebuilt = await openLiveIndex({ store, dir: rebuiltDir, engine });
  assert.equal(saved.openedFrom, "disk");
  assert.equal(rebuilt.openedFrom, "rebuild");
  assert.equal(saved.engine.size, await store.countPapers());
  assert.deepEqual(results(saved), results(rebuilt));
  await saved.close();
  await rebuilt.close();
}

for (const workers of [0, 2]) {
  test(`an import into an empty store leaves an index equal to a rebuild (${workers} workers)`, async () => {
    const { dir, rebuilt, store, indexing } = await started(workers);
    const { sink } = indexing;
    await sink.upsertPapers(papers.slice(0, 120));
    // A newer version, the same paper again, an older version with an earlier day, deletions,
    // and an id deleted then inserted again: each must end in the index as the store has it.
    const zebra: Paper = makePaper({ ...papers[3]!, version: 2, title: "Zebra stripes", abstract: "Stripes of zebras." });
    await sink.upsertPapers([zebra, papers[5]!, { ...papers[7]!, version: 2, announced: "1990-01-01" }]);
    assert.equal(await sink.deletePaper(papers[10]!.id), true);
    assert.equal(await sink.deletePaper("9999.99999"), false);
    assert.equal(await sink.deletePaper(papers[11]!.id), true);
    await sink.upsertPapers([{ ...papers[11]!, title: "Zebra crossings" }, ...papers.slice(120)]);
    const result = await indexing.finish();
    assert.deepEqual(result, { saved: true, papers: papers.length - 1, seq: (await store.stats()).lastSeq });
    await assertMatchesRebuild(store, dir, rebuilt);
    await store.close();
  });
}

test("importFiles through the sink: the saved index matches the store", async () => {
  const { dir, rebuilt, store, indexing } = await started(2);
  const fixture = new URL("../../test/fixtures/cli/arxiv-first30.jsonl", import.meta.url).pathname;
  const summary = await importFiles(indexing.sink, [fixture, fixture], { batchSize: 7 });
  assert.equal(summary.imported, 30);
  assert.equal(summary.unchanged, 30);
  assert.deepEqual(await indexing.finish(), { saved: true, papers: 30, seq: 30 });
  await assertMatchesRebuild(store, dir, rebuilt);
  await store.close();
});

test("another writer during the import: nothing is saved, and the next open rebuilds with every paper", async () => {
  const { db, dir, store, indexing } = await started(0);
  await indexing.sink.upsertPapers(papers.slice(0, 100));
  const other = await openStore({ path: db });
  await other.upsertPapers([papers[150]!]);
  await other.close();
  await indexing.sink.upsertPapers(papers.slice(100, 140));
  const result = await indexing.finish();
  assert.deepEqual(result, { saved: false, reason: "another process wrote to the store during the import" });
  assert.equal(existsSync(join(dir, MANIFEST)), false);
  const index = await openLiveIndex({ store, dir });
  assert.equal(index.openedFrom, "rebuild");
  assert.equal(index.engine.size, 141);
  await index.close();
  await store.close();
});

test("another writer after the import's last write but before finish: nothing is saved", async () => {
  const { dir, store, indexing } = await started(0);
  await indexing.sink.upsertPapers(papers.slice(0, 50));
  await store.deletePaper(papers[0]!.id); // not through the sink: another writer's change
  assert.equal((await indexing.finish()).saved, false);
  assert.equal(existsSync(join(dir, MANIFEST)), false);
  await store.close();
});

test("a store that already holds papers is left to the live index; abort stops a build", async () => {
  const { dir, store, indexing } = await started(2);
  await indexing.sink.upsertPapers(papers.slice(0, 120));
  await indexing.abort();
  assert.equal(existsSync(join(dir, MANIFEST)), false);
  assert.equal(await startImportIndex(store, { dir }), null);
  await store.close();
});
