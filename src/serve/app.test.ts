import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type FixtureApp, fetchPage, openFixtureApp, textOf } from "./testing/fixture-app.js";

let fx: FixtureApp;
before(async () => {
  fx = await openFixtureApp();
});
after(() => fx.close());

test("pages carry a CSP without inline scripts, nosniff and a referrer policy", async () => {
  const { headers } = await fetchPage(fx.app, "/");
  const csp = headers.get("content-security-policy") ?? "";
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(headers.get("x-content-type-options"), "nosniff");
  assert.equal(headers.get("referrer-policy"), "strict-origin-when-cross-origin");
});

test("static assets are served with their type and a year-long immutable cache", async () => {
  const { body: page } = await fetchPage(fx.app, "/papers/math-ph/0509021");
  const urls = [...page.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)].map((m) =>
    m[1]!.replace(/&amp;/g, "&"),
  );
  assert.equal(urls.length, 4, urls.join(" "));
  const katexCss = urls.find((u) => u.includes("katex.min.css"))!;
  const font = /url\((fonts\/KaTeX_Main-Regular\.woff2)\)/.exec(
    await (await fx.app.request(katexCss)).text(),
  )?.[1];
  assert.ok(font, "the KaTeX stylesheet names its fonts");
  for (const url of [...urls, katexCss.replace("katex.min.css", font)]) {
    const res = await fx.app.request(url);
    assert.equal(res.status, 200, url);
    assert.match(res.headers.get("cache-control") ?? "", /max-age=31536000, immutable/, url);
    const type = res.headers.get("content-type") ?? "";
    const expected = url.includes(".css")
      ? "text/css"
      : url.includes(".js")
        ? "text/javascript"
        : url.includes(".svg")
          ? "image/svg+xml"
          : "font/woff2";
    assert.ok(type.startsWith(expected), `${url}: ${type}`);
  }
});

test("only known asset names are served; anything else is the 404 page", async () => {
  for (const path of [
    "/static/app.ts",
    "/static/..%2f..%2fpackage.json",
    "/static/katex-0.19.1/../../package.json",
    "/static/katex-0.19.1/katex.js",
  ]) {
    const res = await fx.app.request(path);
    assert.equal(res.status, 404, path);
  }
});

test("/healthz reports ok and how many papers are searchable", async () => {
  const res = await fx.app.request("/healthz");
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: "ok", papers: 59 });
});

test("an unknown address is an HTML 404 page, or a JSON error under /api", async () => {
  const page = await fetchPage(fx.app, "/graph-neural-networks");
  assert.equal(page.status, 404);
  assert.match(page.headers.get("content-type") ?? "", /text\/html/);
  assert.match(page.body, /href="\/search\?q=graph%20neural%20networks"/);
  const api = await fx.app.request("/api/nothing");
  assert.equal(api.status, 404);
  assert.deepEqual(await api.json(), {
    error: { id: "not_found", message: "serve: no resource at GET /api/nothing" },
  });
});

test("GET /api/v1/papers/:id returns the stored paper; bad and unknown ids are JSON errors", async () => {
  const ok = await fx.app.request("/api/v1/papers/hep-th/9901001v2");
  assert.equal(ok.status, 200);
  const { paper } = (await ok.json()) as { paper: { id: string; version: number } };
  assert.deepEqual([paper.id, paper.version], ["hep-th/9901001", 3]);
  const bad = await fx.app.request("/api/v1/papers/banana");
  assert.equal(bad.status, 400);
  assert.equal(((await bad.json()) as { error: { id: string } }).error.id, "bad_arxiv_id");
  const missing = await fx.app.request("/api/v1/papers/2401.99999");
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), {
    error: { id: "paper_not_found", message: "serve: paper 2401.99999 not found" },
  });
});

test("GET /api/search validates its parameters and returns papers with the total", async () => {
  const res = await fx.app.request("/api/search?q=diffusion&limit=5&sort=newest");
  assert.equal(res.status, 200);
  const body = (await res.json()) as { total: number; results: Array<{ paper: { id: string } }> };
  assert.equal(body.results.length, 5);
  assert.ok(body.total > 5);
  const bad = await fx.app.request("/api/search?q=x&limit=0&from=yesterday");
  assert.equal(bad.status, 400);
  const { error } = (await bad.json()) as { error: { id: string; message: string } };
  assert.equal(error.id, "invalid_parameter");
  assert.match(error.message, /limit: .*; from: expected YYYY, YYYY-MM or YYYY-MM-DD/);
});

test("a failure inside the app is a 500 page without internals, and the details go to the log", async () => {
  const broken = await openFixtureApp();
  await broken.store.close(); // every store call now fails
  const page = await fetchPage(broken.app, "/papers/2606.30673");
  assert.equal(page.status, 500);
  assert.ok(textOf(page.body).includes("serve: internal error (details are in the server log)"));
  assert.doesNotMatch(page.body, /at .*\.ts:\d+|paperfeed\.db/, "no stack and no file names");
  const api = await broken.app.request("/api/v1/papers/2606.30673");
  assert.equal(api.status, 500);
  const { error } = (await api.json()) as { error: { message: string } };
  assert.equal(error.message, "serve: internal error (details are in the server log)");
  assert.equal(broken.logged.length, 2);
  assert.match(broken.logged[0]!, /error GET \/papers\/2606\.30673: .*paperfeed\.db/);
  await broken.close();
});
