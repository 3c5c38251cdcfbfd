import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type FixtureApp, openFixtureApp } from "../../testing/fixture-app.js";
import { PaperResponse } from "./routes.js";

let fx: FixtureApp;
before(async () => {
  fx = await openFixtureApp();
});
after(() => fx.close());

test("GET /api/v1/papers/{id} answers the full record in the documented schema, with zeroed community counters", async () => {
  const res = await fx.app.request("/api/v1/papers/arXiv:0704.0506v2");
  assert.equal(res.status, 200);
  const body = PaperResponse.strict().parse(await res.json());
  assert.equal(body.paper.id, "0704.0506");
  assert.equal(body.paper.doi, "10.1103/PhysRevLett.100.136401");
  assert.deepEqual(body.community, { upvotes: 0, comments: 0, submittedBy: null, submittedAt: null });
});

test("an unknown paper is a JSON 404 with a stable id", async () => {
  const res = await fx.app.request("/api/v1/papers/hep-th/9912999");
  assert.equal(res.status, 404);
  assert.deepEqual(await res.json(), { error: { id: "paper_not_found", message: "serve: paper hep-th/9912999 not found" } });
});
