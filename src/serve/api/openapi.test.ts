/** `/openapi.json` is a valid OpenAPI 3.1 document (checked by a maintained validator) describing every route. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { validate } from "@readme/openapi-parser";
import { type FixtureApp, openFixtureApp } from "../testing/fixture-app.js";

let fx: FixtureApp;
before(async () => {
  fx = await openFixtureApp();
});
after(() => fx.close());

test("the OpenAPI document validates and lists the native and Hugging Face-compatible routes", async () => {
  const res = await fx.app.request("/openapi.json");
  assert.equal(res.status, 200);
  const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { parameters?: Array<{ name: string }> }>> };
  assert.equal(doc.openapi, "3.1.0");
  const result = await validate(structuredClone(doc) as never);
  assert.equal(result.valid, true, JSON.stringify(result, null, 2).slice(0, 2000));
  for (const path of ["/api/daily_papers", "/api/papers", "/api/papers/search", "/api/papers/{id}", "/papers/{id}.md", "/api/v1/papers/{id}", "/api/v1/search", "/api/v1/days", "/api/v1/days/{day}", "/api/whoami-v2", "/api/v1/comments", "/api/v1/collections/{id}", "/api/v1/curated/{day}", "/api/v1/me/votes"]) {
    assert.ok(doc.paths[path]?.get, `${path} is documented`);
  }
  for (const path of ["/api/v1/papers/{id}/vote", "/api/v1/papers/{id}/comments", "/api/v1/submissions", "/api/v1/days/{day}/submissions", "/api/v1/collections/{id}/papers"]) {
    assert.ok(doc.paths[path]?.post, `POST ${path} is documented`);
  }
  const names = doc.paths["/api/daily_papers"]!.get!.parameters!.map((p) => p.name).sort();
  assert.deepEqual(names, ["date", "limit", "month", "p", "sort", "submitter", "week"]);
});

test("every operation has an operationId and says its security; public reads need none; the licence is named", async () => {
  type Op = { operationId?: string; security?: Array<Record<string, string[]>> };
  const doc = (await (await fx.app.request("/openapi.json")).json()) as {
    info: { license?: { name: string } };
    paths: Record<string, Record<string, Op>>;
    components: { schemas: Record<string, { properties: Record<string, unknown> }> };
  };
  assert.equal(doc.info.license?.name, "MIT");
  const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ what: `${method} ${path}`, method, op })));
  const ids = ops.map((o) => o.op.operationId);
  assert.ok(ids.every(Boolean), "every operation has an operationId");
  assert.equal(new Set(ids).size, ids.length, "operationIds are unique");
  for (const { what, method, op } of ops) {
    assert.ok(Array.isArray(op.security), `${what} says its security`);
    if (method === "post") assert.deepEqual(op.security, [{ bearer: [] }], `${what}: writes need a token`);
  }
  assert.deepEqual(doc.paths["/api/daily_papers"]!.get!.security, [], "a public read");
  assert.deepEqual(doc.components.schemas.HfDailyItem!.properties.submittedBy, {
    anyOf: [{ $ref: "#/components/schemas/HfUser" }, { type: "null" }],
    description: "null when nobody submitted it",
  });
});

test("the validator rejects a broken document, so the check above can fail", async () => {
  const doc = (await (await fx.app.request("/openapi.json")).json()) as { paths: Record<string, unknown> };
  doc.paths["/api/v1/days/{day}"] = { get: { parameters: [{ name: "day", in: "path", required: false, schema: { type: "string" } }], responses: {} } };
  const result = await validate(doc as never);
  assert.equal(result.valid, false);
});
