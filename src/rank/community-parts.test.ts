import assert from "node:assert/strict";
import { test } from "node:test";
import { paperLike } from "../../test/store/fixture-papers.js";
import type { PaperActivity } from "../store/community-types.js";
import { communityParts, starsPerDay } from "./community-parts.js";
import { rankTrending } from "./trending.js";

const NOW = "2024-01-10T12:00:00.000Z";
const activity = (over: Partial<PaperActivity>): PaperActivity => ({
  paperId: "2401.00001", votes: 0, comments: 0, collectionAdds: 0, voteHeat: 0, commentHeat: 0, collectHeat: 0,
  heatAt: NOW, stars: null, starsAt: null, prevStars: null, prevStarsAt: null, ...over,
});

test("community parts: weights, a day's half-life, star velocity with a cap", () => {
  assert.deepEqual(communityParts(activity({ voteHeat: 2, commentHeat: 2, collectHeat: 2 }), NOW), { votes: 2, comments: 1, collections: 1.5, stars: 0 });
  assert.equal(communityParts(activity({ voteHeat: 2 }), "2024-01-11T12:00:00.000Z").votes, 1);
  const stars = activity({ stars: 130, starsAt: NOW, prevStars: 100, prevStarsAt: "2024-01-08T12:00:00.000Z" });
  assert.equal(starsPerDay(stars), 15);
  assert.equal(communityParts(stars, NOW).stars, 2, "0.5 × log2(16) = 2, the cap");
  assert.equal(communityParts(activity({ stars: 130, starsAt: NOW }), NOW).stars, 0, "one observation tells no velocity");
  assert.deepEqual(communityParts(undefined, NOW), { votes: 0, comments: 0, collections: 0, stars: 0 });
});

test("with activity, upvotes lift a paper past metadata-only ones; without, parts stay the metadata ones", () => {
  const a = paperLike(1, { announced: "2024-01-10", codeLinks: [{ kind: "github", url: "https://github.com/a/b" }] });
  const b = paperLike(2, { announced: "2024-01-10", codeLinks: [] });
  const plain = rankTrending([a, b], { lastDay: "2024-01-10" });
  assert.deepEqual(plain.map((r) => r.id), [a.id, b.id]);
  assert.deepEqual(Object.keys(plain[0]!.parts), ["code", "crossList", "venue", "fresh"]);
  const voted = rankTrending([a, b], { lastDay: "2024-01-10", now: NOW, activity: new Map([[b.id, activity({ paperId: b.id, voteHeat: 2 })]]) });
  assert.deepEqual(voted.map((r) => r.id), [b.id, a.id]);
  assert.equal(voted[0]!.parts.votes, 2);
});
