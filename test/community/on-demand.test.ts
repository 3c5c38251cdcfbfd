/**
 * Papers fetched from arXiv on demand, over HTTP with the real app: arXiv's export API is a
 * loopback server answering from recorded responses, the app's fetcher is the one `serve` builds
 * (createPaperFetcher) with a fake clock. A member submits an id the store lacks, opens a paper
 * page or asks the API for one; an id arXiv lacks gets a clear 404; arXiv down a clear 503.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApiToken } from "../../src/actions/api-tokens.js";
import { createPaperFetcher } from "../../src/ingest/arxiv-api/index.js";
import { startArxivApiReplay } from "../../src/ingest/arxiv-api/testing/api-replay.js";
import { FakeClock } from "../../src/ingest/http/testing/fake-clock.js";
import type { ReplayServer } from "../../src/ingest/http/testing/replay-server.js";
import { textOf } from "../../src/serve/testing/fixture-app.js";
import { openApiTokenStore } from "../../src/store/open-api-tokens.js";
import { type Agent, type CommunityApp, openCommunityApp, verifiedMember } from "./community-app.js";

let arxiv: ReplayServer;
let fx: CommunityApp;
let ada: Agent;
const today = () => new Date().toISOString().slice(0, 10);
const fetcherFor = (url: string) =>
  createPaperFetcher({ config: { arxivApiUrl: `${url}/api/query`, baseUrl: "http://127.0.0.1:8080", contact: null }, clock: new FakeClock() })!;
/** What arXiv was asked, in order. */
const asked = () => arxiv.requests.map((r) => new URL(r.url, "http://x").searchParams.get("id_list"));

before(async () => {
  arxiv = await startArxivApiReplay();
  fx = await openCommunityApp({}, { fetchPaper: fetcherFor(arxiv.url) });
  ada = await verifiedMember(fx, "ada@example.org", "Ada");
});
after(async () => {
  await fx.close();
  await arxiv.close();
});

test("a member submits a pasted arXiv URL the store lacks: fetched, stored, on today's list", async () => {
  assert.equal(await fx.store.getPaper("1707.08567"), null);
  await ada.get("/daily");
  const sent = await ada.post("/daily/submit", { paper: "https://arxiv.org/abs/1707.08567v1" });
  assert.deepEqual([sent.status, sent.location], [303, `/daily?date=${today()}&notice=submitted`]);
  assert.equal((await fx.store.getPaper("1707.08567"))?.authors.length, 34);
  const page = await ada.get(`/daily?date=${today()}`);
  assert.match(page.body, /data-paper-id="1707\.08567"/);
  assert.match(textOf(page.body), /Proceedings of Workshop AEW10/);
  assert.deepEqual(asked(), ["1707.08567"]);
});

test("/papers/<id not stored> fetches the paper, stores it and shows it; later visits ask arXiv nothing", async () => {
  const before = arxiv.requests.length;
  const page = await ada.get("/papers/astro-ph/0601001");
  assert.equal(page.status, 200);
  assert.match(textOf(page.body), /Frequency of Hot Jupiters/);
  assert.equal((await fx.store.getPaper("astro-ph/0601001"))?.journalRef, "ActaAstron.56:1-50,2006");
  assert.equal((await ada.get("/papers/astro-ph/0601001")).status, 200);
  assert.equal(arxiv.requests.length, before + 1);
});

test("visitors opening one unknown paper at once share one request to arXiv", async () => {
  const before = arxiv.requests.length;
  const pages = await Promise.all(Array.from({ length: 4 }, () => fx.app.request("/papers/2104.12255")));
  assert.deepEqual(pages.map((p) => p.status), [200, 200, 200, 200]);
  assert.equal(arxiv.requests.length, before + 1);
  assert.equal((await fx.store.getPaper("2104.12255"))?.title, "0");
});

test("an id arXiv lacks: a 404 page saying so, remembered so that crawlers and HEADs cost arXiv one request", async () => {
  const before = arxiv.requests.length;
  const page = await ada.get("/papers/2401.99999");
  assert.equal(page.status, 404);
  assert.match(textOf(page.body), /arXiv has no paper 2401\.99999\./);
  assert.doesNotMatch(page.body, /It may be on arXiv/);
  for (let i = 0; i < 3; i++) assert.equal((await fx.app.request("/papers/2401.99999", { method: "HEAD" })).status, 404);
  const submitted = await ada.post("/daily/submit", { paper: "arXiv:2401.99999" });
  assert.equal(submitted.status, 404);
  assert.match(textOf(submitted.body), /arXiv has no paper 2401\.99999/);
  assert.equal(arxiv.requests.length, before + 1);
  assert.equal(await fx.store.getPaper("2401.99999"), null);
  const malformed = await ada.get("/papers/2401.9");
  assert.equal(malformed.status, 404);
  assert.match(textOf(malformed.body), /“2401\.9” is not an arXiv id/);
  assert.equal(arxiv.requests.length, before + 1, "a malformed id never reaches arXiv");
});

test("the JSON API: a paper not stored is fetched; arXiv's no is a 404; a collection add fetches too", async () => {
  const got = await fx.app.request("/api/v1/papers/quant-ph/0201082v1");
  assert.equal(got.status, 200);
  assert.equal(((await got.json()) as { paper: { id: string } }).paper.id, "quant-ph/0201082");
  const missing = await fx.app.request("/api/v1/papers/2401.99998");
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), { error: { id: "not_on_arxiv", message: "actions: arXiv has no paper 2401.99998" } });

  const tokens = await openApiTokenStore({ path: fx.config.db });
  try {
    const { token } = await createApiToken({ tokens, community: fx.community }, { email: "ada@example.org", name: "test" });
    const user = (await fx.community.getUserByEmail("ada@example.org"))!;
    const made = await fx.community.createCollection({ userId: user.id, name: "To read", isPublic: false, now: new Date().toISOString() });
    const add = await fx.app.request(`/api/v1/collections/${made.id}/papers`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ paper: "https://arxiv.org/pdf/1605.08386v1" }),
    });
    assert.equal(add.status, 201, await add.clone().text());
    assert.equal(((await add.json()) as { paper: string }).paper, "1605.08386");
    assert.ok(await fx.store.getPaper("1605.08386"));
  } finally {
    await tokens.close();
  }
});

test("a member adds a pasted arXiv URL the store lacks to a collection from a form: fetched, stored, collected", async () => {
  const fresh = await openCommunityApp({}, { fetchPaper: fetcherFor(arxiv.url) });
  try {
    const carl = await verifiedMember(fresh, "carl@example.org", "Carl");
    const user = (await fresh.community.getUserByEmail("carl@example.org"))!;
    const made = await fresh.community.createCollection({ userId: user.id, name: "Later", isPublic: true, now: new Date().toISOString() });
    await carl.get(`/collections/${made.id}`);
    const added = await carl.post("/collections/add", { collection: String(made.id), paper: "https://arxiv.org/abs/1605.08386v1", note: "" });
    assert.deepEqual([added.status, added.location], [303, "/papers/1605.08386#community-heading"]);
    assert.deepEqual((await fresh.community.collectionItems(made.id)).map((i) => i.paperId), ["1605.08386"]);
    assert.ok(await fresh.store.getPaper("1605.08386"));
    const missing = await carl.post("/collections/add", { collection: String(made.id), paper: "2401.99997", note: "" });
    assert.equal(missing.status, 404);
    assert.match(textOf(missing.body), /arXiv has no paper 2401\.99997/);
  } finally {
    await fresh.close();
  }
});

test("arXiv down (its server closed): a clear 503 page, form message and API error, never a stack trace", async () => {
  const gone = await startArxivApiReplay();
  await gone.close();
  const down = await openCommunityApp({}, { fetchPaper: fetcherFor(gone.url) });
  try {
    const bob = await verifiedMember(down, "bob@example.org", "Bob");
    const page = await bob.get("/papers/1605.08386");
    assert.equal(page.status, 503);
    assert.equal(page.headers.get("retry-after"), "60");
    assert.match(textOf(page.body), /Not available just now/);
    assert.match(textOf(page.body), /arXiv could not be reached to fetch paper 1605\.08386; try again in a few minutes/);
    assert.doesNotMatch(page.body, /127\.0\.0\.1|at .*\.ts:\d+/, "no host, no stack");

    await bob.get("/daily");
    const sent = await bob.post("/daily/submit", { paper: "1707.08567" });
    assert.equal(sent.status, 503);
    assert.match(textOf(sent.body), /arXiv could not be reached to fetch paper 1707\.08567; try again in a few minutes/);
    assert.match(sent.body, /action="\/daily\/submit"/, "the form is there to try again");

    const api = await down.app.request("/api/v1/papers/1707.08567");
    assert.equal(api.status, 503);
    assert.deepEqual(await api.json(), {
      error: { id: "arxiv_unavailable", message: "ingest: arXiv could not be reached to fetch paper 1707.08567; try again in a few minutes" },
    });
    assert.equal(await down.store.getPaper("1707.08567"), null);
    assert.ok(!down.logged.some((l) => / error /.test(l) && /arxiv/i.test(l)), down.logged.join(""));
  } finally {
    await down.close();
  }
});
