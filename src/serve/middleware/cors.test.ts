/** CORS on the read API (src/serve/middleware/cors.ts), through the real app: which routes, methods and origins. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type FixtureApp, openFixtureApp } from "../testing/fixture-app.js";

let any: FixtureApp;
let listed: FixtureApp;
let off: FixtureApp;
before(async () => {
  [any, listed, off] = await Promise.all([
    openFixtureApp(),
    openFixtureApp([], { corsOrigins: ["http://127.0.0.1:5173"] }),
    openFixtureApp([], { corsOrigins: [] }),
  ]);
});
after(() => Promise.all([any, listed, off].map((fx) => fx.close())));

const ask = (fx: FixtureApp, path: string, init: { method?: string; origin?: string; requestMethod?: string } = {}) =>
  fx.app.request(path, {
    method: init.method ?? "GET",
    headers: { origin: init.origin ?? "http://127.0.0.1:5173", ...(init.requestMethod ? { "access-control-request-method": init.requestMethod } : {}) },
  });

test("reads of the API, Markdown pages, the document and thumbnails allow any origin, without credentials", async () => {
  for (const path of ["/api/daily_papers", "/api/papers/banana", "/api/v1/days", "/papers/2606.30673.md", "/openapi.json", "/thumbnails/2606.30673.webp"]) {
    for (const method of ["GET", "HEAD"]) {
      const res = await ask(any, path, { method });
      assert.equal(res.headers.get("access-control-allow-origin"), "*", `${method} ${path}`);
      assert.equal(res.headers.get("access-control-allow-credentials"), null);
      assert.equal(res.headers.get("cross-origin-resource-policy"), "cross-origin", `${method} ${path}`);
    }
  }
  assert.equal((await ask(any, "/api/papers?limit=1")).headers.get("access-control-expose-headers"), "Link");
});

test("a preflight for a read is answered; one for a write is not, and writes carry no CORS headers", async () => {
  const preflight = await ask(any, "/api/daily_papers", { method: "OPTIONS", requestMethod: "GET" });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get("access-control-allow-methods"), "GET,HEAD");
  assert.equal(preflight.headers.get("access-control-allow-headers"), "Authorization");
  const write = await ask(any, "/api/v1/papers/2606.30673/vote", { method: "OPTIONS", requestMethod: "POST" });
  assert.equal(write.headers.get("access-control-allow-origin"), null);
  const post = await ask(any, "/api/v1/papers/2606.30673/vote", { method: "POST" });
  assert.equal(post.status, 401);
  assert.equal(post.headers.get("access-control-allow-origin"), null);
  assert.equal(post.headers.get("cross-origin-resource-policy"), "same-origin");
});

test("HTML pages keep same-origin", async () => {
  const res = await ask(any, "/papers/2606.30673");
  assert.equal(res.headers.get("access-control-allow-origin"), null);
  assert.equal(res.headers.get("cross-origin-resource-policy"), "same-origin");
});

test("a configured list echoes only its origins; off sends nothing", async () => {
  const allowed = await ask(listed, "/api/daily_papers");
  assert.equal(allowed.headers.get("access-control-allow-origin"), "http://127.0.0.1:5173");
  assert.match(allowed.headers.get("vary") ?? "", /Origin/);
  assert.equal((await ask(listed, "/api/daily_papers", { origin: "http://evil.example" })).headers.get("access-control-allow-origin"), null);
  const none = await ask(off, "/api/daily_papers");
  assert.equal(none.headers.get("access-control-allow-origin"), null);
  assert.equal(none.headers.get("cross-origin-resource-policy"), "same-origin");
  assert.equal((await ask(off, "/api/daily_papers", { method: "OPTIONS", requestMethod: "GET" })).status, 404);
});
