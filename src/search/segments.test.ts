import assert from "node:assert/strict";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import fc from "fast-check";
import { makePaper } from "../core/index.js";
import { Engine } from "./engine.js";
import { encodeChunk } from "./index/chunk-codec.js";
import { ChunkPool } from "./index/parallel.js";
import { paperArb, WORDS } from "./testing/random-corpus.js";

const matches = (engine: Engine, q: string) => engine.search({ q, limit: 200 }).hits.map((h) => h.id).sort();

test("a background merge keeps answering while it runs, honours deletions made meanwhile, then swaps in", async () => {
  const [papers] = fc.sample(fc.tuple(...Array.from({ length: 180 }, (_, i) => paperArb(i))), { numRuns: 1, seed: 21 });
  const background = new Engine({ backgroundMergeDocs: 0 });
  const reference = new Engine();
  // Nine flushes of 20 papers: eight segments of one tier make a merge.
  papers!.forEach((paper, i) => {
    for (const e of [background, reference]) {
      e.add(paper);
      if (i % 20 === 19) e.search({ q: "" });
    }
  });
  assert.ok(background.segments.merging, "the tier merge runs in the background");
  const segmentsBefore = background.segments.entries.length;
  background.segments.mergeStep(0); // the merge has read the deletion maps; later deletions are its to replay
  const updated = makePaper({ ...papers![3]!, title: "zebra crossing", abstract: "" });
  for (const e of [background, reference]) {
    e.remove(papers![0]!.id);
    e.remove(papers![50]!.id);
    e.add(updated);
  }
  for (const q of [...WORDS, "zebra"]) assert.deepEqual(matches(background, q), matches(reference, q), `while merging: ${q}`);
  for (let waited = 0; background.segments.merging && waited < 10_000; waited += 10) await sleep(10);
  assert.ok(!background.segments.merging);
  assert.ok(background.segments.entries.length < segmentsBefore);
  assert.equal(background.size, reference.size);
  for (const q of [...WORDS, "zebra"]) assert.deepEqual(matches(background, q), matches(reference, q), `after the merge: ${q}`);
  assert.deepEqual(matches(background, "zebra"), [updated.id]);
});

test("a segment built on a worker thread answers like one built here, and what changed meanwhile is not taken from it", async () => {
  const [papers] = fc.sample(fc.tuple(...Array.from({ length: 60 }, (_, i) => paperArb(i))), { numRuns: 1, seed: 5 });
  const aside = new Engine();
  const reference = new Engine();
  const both = (change: (e: Engine) => void) => [aside, reference].forEach(change);
  const same = (when: string) => {
    assert.equal(aside.size, reference.size, when);
    for (const q of [...WORDS, "zebra"]) assert.deepEqual(matches(aside, q), matches(reference, q), `${when}: ${q}`);
  };
  for (const paper of papers!) both((e) => e.add(paper));
  const pool = new ChunkPool(1);
  const buildAside = () => aside.segments.flushAside((sent) => pool.build(encodeChunk(sent), aside.params, true));
  try {
    // An update and a removal while the worker inverts: their old versions are deleted in its segment.
    let built = buildAside();
    const updated = makePaper({ ...papers![7]!, title: "zebra crossing", abstract: "" });
    both((e) => {
      e.add(updated);
      e.remove(papers![11]!.id);
    });
    await built;
    assert.deepEqual([...aside.segments.pending.keys()], [updated.id], "the update stays pending");
    assert.equal(aside.segments.entries.length, 1);
    assert.equal(aside.segments.entries[0]!.deletedCount, 2);
    same("after the first build");

    // A query flushes here what is pending while the worker builds: its segment is not needed.
    const more = Array.from({ length: 10 }, (_, i) => makePaper({ ...papers![i]!, id: `2601.${String(20000 + i)}` }));
    for (const paper of more) both((e) => e.add(paper));
    built = buildAside();
    same("while the second build runs");
    const flushedHere = aside.segments.entries.length;
    await built;
    assert.equal(aside.segments.pending.size, 0);
    assert.equal(aside.segments.entries.length, flushedHere, "nothing added but the query's segment");
    same("after the second build");

    // Nothing changed meanwhile: the worker's segment is taken whole.
    for (const paper of more) both((e) => e.add(makePaper({ ...paper, title: `${paper.title} zebra` })));
    await buildAside();
    assert.equal(aside.segments.pending.size, 0);
    assert.equal(aside.segments.entries.at(-1)!.deletedCount, 0);
    same("after the third build");
  } finally {
    await pool.close();
  }
});
