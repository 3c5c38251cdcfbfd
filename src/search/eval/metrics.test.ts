import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateRankings, mrrAt, ndcgAt, recallAt } from "./metrics.js";

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} is not ${expected}`);

test("nDCG@10 with graded judgements, computed by hand", () => {
  // Grades: d1=3, d2=2, d3=1, d9=0 (judged irrelevant). Ranking: d3, d9, d1, x.
  const judged = new Map([
    ["d1", 3],
    ["d2", 2],
    ["d3", 1],
    ["d9", 0],
  ]);
  // DCG = 1/log2(2) + 0 + 3/log2(4) = 1 + 1.5 = 2.5
  // IDCG = 3/log2(2) + 2/log2(3) + 1/log2(4) = 3 + 1.2618595071429148 + 0.5 = 4.761859507142915
  close(ndcgAt(["d3", "d9", "d1", "x"], judged, 10), 2.5 / 4.761859507142915);
  close(ndcgAt(["d1", "d2", "d3"], judged, 10), 1);
  assert.equal(ndcgAt([], judged, 10), 0);
});

test("nDCG cuts both the ranking and the ideal at k", () => {
  const judged = new Map([
    ["a", 1],
    ["b", 1],
    ["c", 1],
  ]);
  // k=2: DCG = 0 + 1/log2(3); IDCG = 1 + 1/log2(3).
  const third = 1 / Math.log2(3);
  close(ndcgAt(["x", "a", "b"], judged, 2), third / (1 + third));
  // A relevant document at rank 11 does not count at k=10.
  const eleventh = [...Array.from({ length: 10 }, (_, i) => `n${i}`), "a"];
  assert.equal(ndcgAt(eleventh, judged, 10), 0);
});

test("Recall@100 counts grade ≥ 1 only, and each document once", () => {
  const judged = new Map([
    ["a", 1],
    ["b", 2],
    ["c", 1],
    ["z", 0],
  ]);
  close(recallAt(["a", "z", "q"], judged, 100), 1 / 3);
  close(recallAt(["a", "a", "b"], judged, 100), 2 / 3);
  close(recallAt(["q", "c", "b", "a"], judged, 2), 1 / 3);
  assert.equal(recallAt(["a"], new Map([["a", 0]]), 100), 0);
});

test("MRR@10 is the reciprocal rank of the first relevant document", () => {
  const judged = new Map([
    ["a", 0],
    ["b", 1],
  ]);
  close(mrrAt(["a", "x", "b"], judged, 10), 1 / 3);
  assert.equal(mrrAt(["b"], judged, 10), 1);
  const late = [...Array.from({ length: 10 }, (_, i) => `n${i}`), "b"];
  assert.equal(mrrAt(late, judged, 10), 0);
});

test("averages over judged queries; an unanswered query scores zero", () => {
  const qrels = new Map([
    ["q1", new Map([["a", 1]])],
    ["q2", new Map([["b", 1]])],
  ]);
  // q1 answers "a" first: nDCG 1, recall 1, MRR 1. q2 is missing from the run: all 0.
  const metrics = evaluateRankings(
    new Map([
      ["q1", ["a", "c"]],
      ["q9", ["b"]],
    ]),
    qrels,
  );
  assert.deepEqual(metrics, { ndcg10: 0.5, recall100: 0.5, mrr10: 0.5 });
  assert.deepEqual(evaluateRankings(new Map(), new Map()), { ndcg10: 0, recall100: 0, mrr10: 0 });
});
