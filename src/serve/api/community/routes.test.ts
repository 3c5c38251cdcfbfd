import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type CommunityFixture, openCommunityFixture } from "../../testing/community-fixture.js";
import { CollectionResponse, CommentsResponse, CuratedResponse, VotesResponse } from "./schema.js";

let fx: CommunityFixture;
before(async () => {
  fx = await openCommunityFixture();
});
after(() => fx.close());

const get = (path: string, token?: string) => fx.app.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});

test("comments: visible ones oldest first with their thread, hidden ones left out, any id form", async () => {
  const res = await get("/api/v1/comments?paper=arXiv:0704.0506v1");
  assert.equal(res.status, 200);
  const body = CommentsResponse.strict().parse(await res.json());
  assert.equal(body.paperId, "0704.0506");
  assert.deepEqual(body.comments.map((m) => [m.author, m.body, m.parentId === null]), [
    ["Bob", "Is **this** right?", true],
    ["Ada", "Yes", false],
  ]);
  assert.equal((await get("/api/v1/comments?paper=banana")).status, 400);
});

test("collections: public to anyone, private only to its owner's token", async () => {
  const open = CollectionResponse.strict().parse(await (await get(`/api/v1/collections/${fx.publicCollection}`)).json());
  assert.equal(open.collection.owner, "Ada");
  assert.deepEqual(open.items.map((i) => [i.paper.id, i.note]).sort(), [["0704.0506", "week 1"], ["math-ph/0509021", ""]]);
  assert.equal((await get(`/api/v1/collections/${fx.privateCollection}`)).status, 404);
  assert.equal((await get(`/api/v1/collections/${fx.privateCollection}`, fx.bobToken)).status, 404);
  const own = await get(`/api/v1/collections/${fx.privateCollection}`, fx.adaToken);
  assert.equal(own.status, 200);
  assert.equal((await get(`/api/v1/collections/${fx.privateCollection}`, "pf_wrong")).status, 401);
});

test("curated day: most upvoted first, with submitter and votes", async () => {
  const body = CuratedResponse.strict().parse(await (await get("/api/v1/curated/2026-06-30")).json());
  assert.deepEqual(body.entries.map((e) => [e.paper.id, e.votes, e.submittedBy]), [
    [fx.curated[0], 2, "Ada"],
    [fx.curated[1], 0, "Ada"],
  ]);
  assert.deepEqual((await (await get("/api/v1/curated/2026-06-29")).json()), { day: "2026-06-29", entries: [] });
});

test("me/votes needs a token and lists the owner's upvotes, newest first", async () => {
  assert.equal((await get("/api/v1/me/votes")).status, 401);
  const body = VotesResponse.strict().parse(await (await get("/api/v1/me/votes", fx.adaToken)).json());
  assert.deepEqual(body.papers.map((p) => p.paper.id).sort(), ["hep-th/9901001", fx.curated[0]].sort());
  assert.ok(body.papers.every((p) => p.community.upvotes >= 1));
});
