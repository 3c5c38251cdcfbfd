/** Community data (a submission, an upvote, a comment) reaches every API answer through communityFacts. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createAccount } from "../../../actions/accounts/accounts.js";
import type { CommunityStore } from "../../../store/community-types.js";
import { openCommunityStore } from "../../../store/open-community.js";
import { type FixtureApp, openFixtureApp } from "../../testing/fixture-app.js";

let fx: FixtureApp;
let community: CommunityStore;
/** Now, as trending decays votes by age. */
const NOW = new Date().toISOString();
/** A paper of 2026-06-29 without code, so only votes can lift it in trending. */
let target = "";

before(async () => {
  fx = await openFixtureApp();
  community = await openCommunityStore({ path: fx.config.db });
  const { user } = await createAccount({ community, mailer: null, baseUrl: "http://127.0.0.1" }, { email: "ada@example.org", displayName: "Ada L", role: "member" });
  const day = await fx.store.listAnnounced("2026-06-29", "2026-06-29", { limit: 100 });
  target = day.filter((p) => p.codeLinks.length === 0 && p.categories.length === 1).at(0)!.id; // loses every tie on its own
  await community.addDailyEntry({ day: "2026-06-29", paperId: target, userId: user.id, now: NOW });
  await community.setVote(user.id, target, true, NOW);
  await community.addComment({ paperId: target, userId: user.id, parentId: null, body: "Nice", now: NOW });
});
after(async () => {
  await community.close();
  await fx.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked field by field below
type Json = Record<string, any>;
const get = async (path: string) => (await (await fx.app.request(path)).json()) as Json;

test("daily_papers shows the submitter, the upvote and the comment in HF's fields", async () => {
  const items = (await get("/api/daily_papers?date=2026-06-29&limit=100")) as Json[];
  const item = items.find((i) => i.paper.id === target)!;
  assert.equal(item.paper.upvotes, 1);
  assert.equal(item.numComments, 1);
  assert.equal(item.submittedBy.name, "ada-l", "HF's `name` is the URL-safe username");
  assert.equal(item.submittedBy.fullname, "Ada L");
  assert.equal(item.submittedBy.type, "user");
  assert.equal(item.paper.submittedOnDailyBy.fullname, "Ada L");
  assert.equal(item.paper.submittedOnDailyBy.user, "ada-l", "HF's paper objects name the user under `user`");
  assert.equal(item.paper.submittedOnDailyAt, NOW);
  assert.equal(item.publishedAt, NOW, "the item's time is when it entered the daily list");
  const others = items.filter((i) => i.paper.id !== target);
  assert.ok(others.every((i) => i.paper.upvotes === 0 && i.submittedBy === null));
});

test("submitter keeps that member's papers, and an upvote lifts a paper in trending", async () => {
  const mine = (await get("/api/daily_papers?date=2026-06-29&submitter=ada-l")) as Json[];
  assert.deepEqual(mine.map((i) => i.paper.id), [target]);
  assert.deepEqual(await get("/api/daily_papers?date=2026-06-29&submitter=Ada%20L"), [], "the username, not the display name");
  const trending = (await get("/api/daily_papers?date=2026-06-29&sort=trending&limit=100")) as Json[];
  const rank = trending.findIndex((i) => i.paper.id === target);
  const firstWithout = trending.findIndex((i) => i.paper.id !== target && !i.paper.githubRepo && !i.paper.projectPage);
  assert.ok(rank < firstWithout, `the voted paper (rank ${rank + 1}) is ahead of every other paper without code (from ${firstWithout + 1})`);
});

test("the native paper and search answers carry the same counters", async () => {
  const { community: counters } = await get(`/api/v1/papers/${target}`);
  assert.deepEqual(counters, { upvotes: 1, comments: 1, submittedBy: "Ada L", submittedAt: NOW });
  const hf = await get(`/api/papers/${target}`);
  assert.deepEqual([hf.upvotes, hf.numComments], [1, 1]);
});
