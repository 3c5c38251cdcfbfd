import assert from "node:assert/strict";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import fc from "fast-check";
import { makePaper } from "../core/index.js";
import { Engine } from "./engine.js";
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
