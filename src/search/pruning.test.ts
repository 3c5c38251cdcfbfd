import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Paper } from "../core/index.js";
import { Engine } from "./engine.js";
import { BULK_WINDOWS } from "./exec/bulk-window.js";
import { CONJUNCTIVE } from "./exec/conjunctive.js";
import { CHAMPIONS } from "./index/champions.js";
import { HIGH_LISTS } from "./index/high-lists.js";
import { corpusArb, queryArb } from "./testing/random-corpus.js";
import type { SearchRequest } from "./types.js";

/** The same papers, in batches (a query between batches makes each a segment), some removed. */
function build(papers: Paper[], cuts: number[], removals: number[], pruning: boolean): Engine {
  // No time budget: a stalled test machine must not cut one of the two runs short.
  const engine = new Engine({ pruning, timeBudgetMs: 0 });
  papers.forEach((paper, i) => {
    engine.add(paper);
    if (cuts.includes(i)) engine.search({ q: "" });
  });
  for (const r of removals) engine.remove(papers[r % papers.length]!.id);
  return engine;
}

/**
 * Champion and high lists as a real index has them only for common terms; here also for almost
 * every term (size 0 / share 0: a size of 1–8 docs and a share of 5–90 % drawn per case). Bulk
 * windows (exec/bulk-window.ts) serve only long lists; here also every query, in windows of 1–64
 * docs (window 0) so that runs cross many windows.
 */
const DEFAULT = { exactDocs: CONJUNCTIVE.exactCountDocs, minDf: CHAMPIONS.minDf, size: CHAMPIONS.size, highMinDf: HIGH_LISTS.minDf, share: HIGH_LISTS.share, bulkMin: BULK_WINDOWS.minPostings, window: BULK_WINDOWS.window, highFirst: BULK_WINDOWS.highListFirst };
const SETTINGS = [
  { ...DEFAULT, name: "default champion and high lists" },
  { ...DEFAULT, name: "champion lists of 1–8 docs for terms in ≥ 2 docs", minDf: 2, size: 0 },
  { ...DEFAULT, name: "champion lists and high lists of 5–90 % for terms in ≥ 2 docs", minDf: 2, size: 0, highMinDf: 2, share: 0 },
  { ...DEFAULT, name: "champion lists of 1–8 docs, bulk windows of 1–64 docs", minDf: 2, size: 0, bulkMin: 0, window: 0 },
  { ...DEFAULT, name: "champion lists and high lists of 5–90 %, bulk windows of 1–64 docs", minDf: 2, size: 0, highMinDf: 2, share: 0, bulkMin: 0, window: 0 },
  { ...DEFAULT, name: "as above, high lists always read first", minDf: 2, size: 0, highMinDf: 2, share: 0, bulkMin: 0, window: 0, highFirst: Infinity },
];

for (const setting of SETTINGS) {
  test(`pruned top-k equals exhaustive scoring: same ids in the same order, same scores (${setting.name})`, () => {
    fc.assert(
      fc.property(
        corpusArb(400),
        fc.array(fc.nat(400), { maxLength: 4 }),
        fc.array(fc.nat(400), { maxLength: 10 }),
        fc.array(
          fc.record({
            q: queryArb,
            limit: fc.integer({ min: 1, max: 12 }),
            offset: fc.integer({ min: 0, max: 5 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        fc.integer({ min: 1, max: 64 }),
        fc.nat(400),
        (papers, cuts, removals, requests, size, share, window, example) => {
          CHAMPIONS.minDf = setting.minDf;
          CHAMPIONS.size = setting.size || size;
          HIGH_LISTS.minDf = setting.highMinDf;
          HIGH_LISTS.share = setting.share || share;
          BULK_WINDOWS.minPostings = setting.bulkMin;
          BULK_WINDOWS.window = setting.window || window;
          BULK_WINDOWS.highListFirst = setting.highFirst;
          // Small corpora would all be counted exactly, never taking the pruned conjunctive paths.
          CONJUNCTIVE.exactCountDocs = 0;
          const pruned = build(papers, cuts, removals, true);
          const exhaustive = build(papers, cuts, removals, false);
          for (const request of requests as SearchRequest[]) {
            const a = pruned.search(request);
            const b = exhaustive.search(request);
            assert.deepEqual(
              a.hits.map((h) => h.id),
              b.hits.map((h) => h.id),
              request.q,
            );
            a.hits.forEach((h, i) => assert.ok(Math.abs(h.score - b.hits[i]!.score) <= 1e-9, request.q));
            if (!a.totalIsEstimate) assert.equal(a.total, b.total, request.q);
          }
          // "Papers like this one": every word of a paper's text at once, so many essential terms.
          const paper = papers[example % papers.length]!;
          const like = { title: paper.title, abstract: paper.abstract, excludeId: paper.id, limit: 1 + (example % 12), shortlist: false };
          const a = pruned.similar(like);
          const b = exhaustive.similar(like);
          assert.deepEqual(
            a.hits.map((h) => h.id),
            b.hits.map((h) => h.id),
            `similar to ${paper.id}`,
          );
          a.hits.forEach((h, i) => assert.ok(Math.abs(h.score - b.hits[i]!.score) <= 1e-9, `similar to ${paper.id}`));
        },
      ),
      { numRuns: 150, endOnFailure: true, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}) },
    );
    CHAMPIONS.minDf = DEFAULT.minDf;
    CHAMPIONS.size = DEFAULT.size;
    HIGH_LISTS.minDf = DEFAULT.highMinDf;
    HIGH_LISTS.share = DEFAULT.share;
    BULK_WINDOWS.minPostings = DEFAULT.bulkMin;
    BULK_WINDOWS.window = DEFAULT.window;
    BULK_WINDOWS.highListFirst = DEFAULT.highFirst;
    CONJUNCTIVE.exactCountDocs = DEFAULT.exactDocs;
  });
}
