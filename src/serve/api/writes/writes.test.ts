/** The token-only write endpoints, against real SQLite stores: permissions, the pages' rules, errors. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type CommunityFixture, openCommunityFixture } from "../../testing/community-fixture.js";
import { CollectedResponse, PostedComment, SubmissionResponse, VoteResponse } from "./schema.js";

let fx: CommunityFixture;
before(async () => {
  fx = await openCommunityFixture();
});
after(() => fx.close());

const post = (path: string, body: unknown, token?: string) =>
  fx.app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? "" : JSON.stringify(body),
  });
const errorId = async (res: Response) => ((await res.json()) as { error: { id: string } }).error.id;

test("vote: toggles without a body, sets with `up`, counts every member, needs a token", async () => {
  const path = "/api/v1/papers/hep-th/9901001/vote"; // Ada upvoted it in the fixture; the id holds a slash
  assert.equal((await post(path, undefined)).status, 401);
  assert.equal((await post(path, undefined, "pf_wrong")).status, 401);
  const vote = async (body: unknown, token: string) =>
    VoteResponse.strict().parse(await (await post(path, body, token)).json());
  assert.deepEqual(await vote(undefined, fx.adaToken), {
    paper: "hep-th/9901001",
    upvoted: false,
    upvotes: 0,
  });
  assert.deepEqual(await vote({}, fx.adaToken), { paper: "hep-th/9901001", upvoted: true, upvotes: 1 });
  assert.deepEqual(await vote({ up: true }, fx.bobToken), {
    paper: "hep-th/9901001",
    upvoted: true,
    upvotes: 2,
  });
  assert.deepEqual(await vote({ up: true }, fx.bobToken), {
    paper: "hep-th/9901001",
    upvoted: true,
    upvotes: 2,
  });
  const unknown = await post("/api/v1/papers/2401.99999/vote", {}, fx.adaToken);
  assert.equal(unknown.status, 404);
  assert.equal((await post(path, { up: "yes" }, fx.adaToken)).status, 400);
});

test("comments: Markdown rendered and sanitised as the pages do, replies, listed by the read endpoint", async () => {
  const payload =
    "Hi <script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3)) **bold**";
  assert.equal((await post("/api/v1/papers/0704.0506/comments", { body: payload })).status, 401);
  const res = await post("/api/v1/papers/arXiv:0704.0506v1/comments", { body: payload }, fx.adaToken);
  assert.equal(res.status, 201);
  const made = PostedComment.strict().parse(await res.json());
  assert.equal(made.paperId, "0704.0506");
  assert.equal(made.author, "Ada");
  assert.match(made.html, /<strong>bold<\/strong>/);
  assert.doesNotMatch(made.html, /<script|alert\(1\)|onerror|<img|javascript:/i);
  const reply = PostedComment.parse(
    await (
      await post("/api/v1/papers/0704.0506/comments", { body: "Agreed", parentId: made.id }, fx.bobToken)
    ).json(),
  );
  assert.equal(reply.parentId, made.id);
  const listed = (await (await fx.app.request("/api/v1/comments?paper=0704.0506")).json()) as {
    comments: Array<{ id: number }>;
  };
  assert.ok([made.id, reply.id].every((id) => listed.comments.some((m) => m.id === id)));
  assert.equal((await post("/api/v1/papers/0704.0506/comments", { body: "  " }, fx.adaToken)).status, 400);
  assert.equal((await post("/api/v1/papers/2401.99999/comments", { body: "x" }, fx.adaToken)).status, 404);
});

test("comments share the pages' rate limit: 429 once a member is over it", async () => {
  let res: Response | null = null;
  for (let i = 0; i < 12 && res?.status !== 429; i++)
    res = await post("/api/v1/papers/0704.0506/comments", { body: `n${i}` }, fx.bobToken);
  assert.equal(res?.status, 429);
  assert.equal(await errorId(res!), "rate_limited");
});

test("submissions: today's list by the pages' rules, duplicates 409, unknown papers 404", async () => {
  const body = { paper: "https://arxiv.org/abs/hep-th/9901001" };
  assert.equal((await post("/api/v1/submissions", body)).status, 401);
  const res = await post("/api/v1/submissions", body, fx.bobToken);
  assert.equal(res.status, 201);
  const entry = SubmissionResponse.strict().parse(await res.json());
  assert.deepEqual(
    [entry.paper, entry.submittedBy, entry.day],
    ["hep-th/9901001", "Bob", new Date().toISOString().slice(0, 10)],
  );
  const again = await post("/api/v1/submissions", body, fx.adaToken);
  assert.equal(again.status, 409);
  assert.equal(await errorId(again), "already_submitted");
  const onDay = await post("/api/v1/days/2026-06-30/submissions", { paper: fx.curated[0] }, fx.adaToken);
  assert.equal(onDay.status, 409);
  assert.equal(
    (await post("/api/v1/days/2026-06-30/submissions", { paper: "2401.99999" }, fx.adaToken)).status,
    404,
  );
  assert.equal((await post("/api/v1/days/banana/submissions", body, fx.adaToken)).status, 400);
});

test("collections: only the owner adds; another member's public one is 403, a private one 404", async () => {
  const path = `/api/v1/collections/${fx.publicCollection}/papers`;
  assert.equal((await post(path, { paper: "hep-th/9901001" })).status, 401);
  const res = await post(path, { paper: "hep-th/9901001", note: "read next" }, fx.adaToken);
  assert.equal(res.status, 201);
  const item = CollectedResponse.strict().parse(await res.json());
  assert.deepEqual(
    [item.collection, item.paper, item.note],
    [fx.publicCollection, "hep-th/9901001", "read next"],
  );
  const dup = await post(path, { paper: "hep-th/9901001", note: "changed" }, fx.adaToken);
  assert.equal(dup.status, 409);
  const forbidden = await post(path, { paper: "0704.0506" }, fx.bobToken);
  assert.equal(forbidden.status, 403);
  assert.equal(await errorId(forbidden), "forbidden");
  assert.equal(
    (await post(`/api/v1/collections/${fx.privateCollection}/papers`, { paper: "0704.0506" }, fx.bobToken))
      .status,
    404,
  );
  assert.equal((await post(path, { paper: "2401.99999" }, fx.adaToken)).status, 404);
});
