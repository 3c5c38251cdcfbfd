import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type FixtureApp, openFixtureApp } from "../../testing/fixture-app.js";
import { SearchResponse } from "./routes.js";

let fx: FixtureApp;
before(async () => {
  fx = await openFixtureApp();
});
after(() => fx.close());

test("GET /api/v1/search filters by category and date and answers the documented schema", async () => {
  const res = await fx.app.request("/api/v1/search?q=diffusion&cat=cs.CV&from=2026-06-30&limit=50");
  assert.equal(res.status, 200);
  const body = SearchResponse.strict().parse(await res.json());
  assert.ok(body.results.length > 0 && body.results.length === body.total);
  assert.equal(body.timedOut, false);
  for (const { paper } of body.results) {
    assert.ok(paper.categories.some((c) => c.startsWith("cs.CV")), paper.id);
    assert.ok(paper.announced >= "2026-06-30", paper.id);
  }
  const first = await (await fx.app.request("/api/search?q=diffusion&cat=cs.CV&from=2026-06-30&limit=50")).json();
  assert.deepEqual((first as typeof body).results.map((r) => r.paper.id), body.results.map((r) => r.paper.id), "/api/search is the same resource");
});

test("every bad search parameter is named in one invalid_parameter error", async () => {
  const res = await fx.app.request("/api/v1/search?q=x&offset=-1&sort=best&code=maybe");
  assert.equal(res.status, 400);
  const { error } = (await res.json()) as { error: { id: string; message: string } };
  assert.equal(error.id, "invalid_parameter");
  for (const name of ["offset", "sort", "code"]) assert.match(error.message, new RegExp(`${name}: `));
  const deep = await fx.app.request("/api/v1/search?q=x&offset=1001");
  assert.equal(deep.status, 400, "pages end 1,000 results deep");
  assert.match(((await deep.json()) as { error: { message: string } }).error.message, /offset: /);
});
