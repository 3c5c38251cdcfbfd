import assert from "node:assert/strict";
import { join } from "node:path";
import { after, test } from "node:test";
import { PaperfeedError } from "../core/errors.js";
import { openStore } from "../store/open.js";
import type { Store } from "../store/types.js";
import { formatByName } from "./formats.js";
import { importFiles, type ImportSummary } from "./import.js";
import type { IngestItem } from "./items.js";
import { readInWorker } from "./read-in-worker.js";
import type { ByteMeter } from "./source.js";
import { fixture, tempDir, writeDamagedFiles } from "./test-support.js";

const stores: Store[] = [];
after(async () => {
  for (const store of stores) await store.close();
});

async function collect(items: AsyncGenerator<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The reader of a storable format. */
function readerOf(name: string) {
  const format = formatByName(name);
  assert.ok(format.storable);
  return format.read;
}

const noFallback = (reason: string) => assert.fail(`fell back: ${reason}`);

test("a worker yields exactly the reader's items, in order, across many small messages", async () => {
  for (const [format, name] of [["kaggle", "kaggle-first200.jsonl"], ["oai-pmh", "oai-pmh/derived-ListRecordsResponse-one-broken-record.xml"], ["listing", "listing-first300.jsonl.gz"]] as const) {
    const file = fixture(name);
    const read = readerOf(format);
    const here: ByteMeter = { bytesRead: 0, bytesTotal: 0 };
    const there: ByteMeter = { bytesRead: 0, bytesTotal: 0 };
    const expected = await collect(read(file, here));
    // Messages of 7 items with 2 on their way: the worker waits for acknowledgements many times.
    const got = await collect(readInWorker(read, format, file, there, noFallback, { batch: 7, credit: 2 }));
    assert.deepEqual(got, expected, name);
    assert.deepEqual(there, here, `${name}: the byte meter ends where the reader's does`);
  }
});

test("an import reading on worker threads stores and reports exactly what one reading here does", async () => {
  const dir = tempDir();
  const { badLine, cut } = writeDamagedFiles(dir);
  const files = [badLine, cut, join(dir, "missing.jsonl"), fixture("oai-pmh/derived-ListRecordsResponse-one-broken-record.xml"), fixture("oai-pmh/derived-oai_dc-ListRecords-with-deleted.xml")];
  const run = async (readInWorkerFromBytes: number) => {
    const store = await openStore({ path: join(tempDir(), "paperfeed.db") });
    stores.push(store);
    const summary: Partial<ImportSummary> = await importFiles(store, files, { readInWorkerFromBytes });
    delete summary.seconds;
    const papers = [];
    for await (const batch of store.scanPapers()) papers.push(...batch);
    return { summary, papers };
  };
  const here = await run(Number.MAX_SAFE_INTEGER);
  const there = await run(0);
  assert.ok(here.summary.imported! > 200 && here.summary.issueCount === 4, "the files have papers and issues");
  assert.deepEqual(there.summary, here.summary);
  assert.deepEqual(there.papers, here.papers);
});

test("a reader's own error crosses as the same error; a worker that cannot start reads here", async () => {
  const file = fixture("kaggle-first200.jsonl");
  const meter: ByteMeter = { bytesRead: 0, bytesTotal: 0 };
  const unknown = (() => {
    try {
      formatByName("no-such-format");
    } catch (e) {
      return e as PaperfeedError;
    }
    throw new Error("expected formatByName to refuse");
  })();
  await assert.rejects(collect(readInWorker(readerOf("kaggle"), "no-such-format", file, meter, noFallback)), (e: unknown) => {
    assert.ok(e instanceof PaperfeedError);
    assert.equal(e.id, unknown.id);
    assert.equal(e.message, unknown.message);
    return true;
  });

  const reasons: string[] = [];
  const broken = new URL("./no-such-worker-module.ts", import.meta.url).href;
  const read = readerOf("kaggle");
  const got = await collect(readInWorker(read, "kaggle", file, meter, (reason) => reasons.push(reason), { workerUrl: broken }));
  assert.equal(reasons.length, 1);
  assert.deepEqual(got, await collect(read(file, { bytesRead: 0, bytesTotal: 0 })));
});
