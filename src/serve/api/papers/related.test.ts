import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type FixtureApp, decodeRefs, fetchPage, openFixtureApp } from "../../testing/fixture-app.js";
import { RelatedResponse } from "./related.js";

let fx: FixtureApp;
before(async () => {
  fx = await openFixtureApp();
});
after(() => fx.close());

test("GET /api/v1/papers/{id}/related: papers like it in the documented schema, itself left out", async () => {
  const res = await fx.app.request("/api/v1/papers/2606.27617v1/related?limit=5");
  assert.equal(res.status, 200);
  const body = RelatedResponse.strict().parse(await res.json());
  assert.equal(body.id, "2606.27617");
  assert.equal(body.results.length, 5);
  assert.ok(body.results.every((r) => r.paper.id !== "2606.27617" && r.parts.lexical === r.score));
  assert.ok(body.results.every((r, i) => i === 0 || body.results[i - 1]!.score >= r.score), "best first");
  // The masked-diffusion language-model paper's neighbours talk about diffusion.
  assert.ok(body.results.slice(0, 3).some((r) => /diffusion/i.test(`${r.paper.title} ${r.paper.abstract}`)));
});

test("ten by default; old-style ids keep their slash", async () => {
  const a = (await (await fx.app.request("/api/v1/papers/2606.27617/related")).json()) as { results: unknown[] };
  assert.equal(a.results.length, 10, "default limit");
  const old = await fx.app.request("/api/v1/papers/hep-th/9901001/related?limit=3");
  assert.equal(old.status, 200);
  assert.equal(((await old.json()) as { id: string }).id, "hep-th/9901001");
});

test("a bad limit is a 400 naming the parameter; an unknown paper a 404", async () => {
  const bad = await fx.app.request("/api/v1/papers/2606.27617/related?limit=0");
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { error: { message: string } }).error.message, /^serve: invalid parameters: limit: /);
  assert.equal((await fx.app.request("/api/v1/papers/hep-th/9912999/related")).status, 404);
});

test("the route is in /openapi.json", async () => {
  const spec = (await (await fx.app.request("/openapi.json")).json()) as { paths: Record<string, unknown> };
  assert.ok(spec.paths["/api/v1/papers/{id}/related"]);
});

test("the paper page lists related papers; the search page opens pasted ids and offers respellings", async () => {
  const page = await fetchPage(fx.app, "/papers/2606.27617");
  assert.match(page.body, /<h2 id="related-heading">Related papers<\/h2>/);
  const related = /<section class="related-papers"[\s\S]*?<\/section>/.exec(page.body)![0];
  assert.ok(!related.includes('data-paper-id="2606.27617"'));
  for (const q of ["2606.27617", "arXiv:2606.27617v2", "https://arxiv.org/abs/2606.27617", "arxiv.org/pdf/2606.27617v1.pdf", "10.48550/arXiv.2606.27617", "https://arxiv.org/abs/hep-th/9901001v1"]) {
    const res = await fx.app.request(`/search?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 302, q);
    assert.match(res.headers.get("location") ?? "", /^\/papers\/(2606\.27617|hep-th\/9901001)$/, q);
  }
  const typo = await fetchPage(fx.app, "/search?q=difusion");
  // Nothing matches the typo, so the respelling's results are shown, saying so.
  assert.match(decodeRefs(typo.body), /No paper matches “difusion”; showing results for <a href="\/search\?q=diffusion"><em>diffusion<\/em><\/a>/);
  const relaxed = await fetchPage(fx.app, `/search?q=${encodeURIComponent('"diffusion quasicrystal"')}`);
  assert.match(decodeRefs(relaxed.body), /No paper has the exact phrase “diffusion quasicrystal”; showing papers with these words\./);
});
