import assert from "node:assert/strict";
import { test } from "node:test";
import { paperLike } from "../../test/store/fixture-papers.js";
import { rankTrending } from "./trending.js";

test("trending: code, cross-listing, venue and freshness each add their documented share", () => {
  const plain = paperLike(1, {
    categories: ["math.CO"],
    codeLinks: [],
    comments: null,
    journalRef: null,
    announced: "2024-01-10",
  });
  const coded = {
    ...plain,
    id: "2401.00002",
    codeLinks: [{ kind: "github" as const, url: "https://github.com/a/b" }],
  };
  const crossed = { ...plain, id: "2401.00003", categories: ["math.CO", "cs.DM", "cs.LG"] };
  const accepted = { ...plain, id: "2401.00004", comments: "Accepted at ICML 2024" };
  const older = { ...plain, id: "2401.00005", announced: "2024-01-07" };
  const ranked = rankTrending([plain, coded, crossed, accepted, older], {
    lastDay: "2024-01-10",
    windowDays: 7,
  });
  assert.deepEqual(
    ranked.map((r) => r.id),
    ["2401.00002", "2401.00004", "2401.00003", "2401.00001", "2401.00005"],
  );
  assert.deepEqual(ranked[0]!.parts, { code: 1, crossList: 0, venue: 0, fresh: 0.5 });
  assert.equal(ranked[2]!.parts.crossList, 0.5);
  assert.equal(ranked[4]!.parts.fresh, 0.286);
  for (const r of ranked)
    assert.equal(r.score, Math.round(Object.values(r.parts).reduce((a, b) => a + b) * 1000) / 1000);
});

test("trending: an empty list ranks to an empty list", () => {
  assert.deepEqual(rankTrending([]), []);
});
