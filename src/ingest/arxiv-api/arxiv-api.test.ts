/**
 * The export-API client and its on-demand cache against arXiv's recorded answers on a loopback
 * server, with a fake clock: every pasted form, arXiv's three ways of saying "no", spacing,
 * Retry-After, cache hits that make no request, shared concurrent fetches, and clear failures.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { isPaperfeedError } from "../../core/errors.js";
import type { Paper } from "../../core/paper.js";
import { PoliteClient } from "../http/polite-client.js";
import { FakeClock } from "../http/testing/fake-clock.js";
import type { ReplayServer } from "../http/testing/replay-server.js";
import { ArxivApiClient, type FetchPaper, ON_DEMAND_HTTP, type OnDemandOptions, createPaperFetcher } from "./index.js";
import { startArxivApiReplay } from "./testing/api-replay.js";
import { TtlCache } from "../../core/ttl-cache.js";

const config = (server: ReplayServer) => ({ arxivApiUrl: `${server.url}/api/query`, baseUrl: "https://papers.test", contact: "ops@papers.test" });
const UA = "paperfeed/0.1.0 (+https://papers.test; mailto:ops@papers.test)";

function fetcherOn(server: ReplayServer, clock: FakeClock, limits: OnDemandOptions = {}): { fetch: FetchPaper; log: string[] } {
  const log: string[] = [];
  const fetch = createPaperFetcher({ config: config(server), clock, log: (l) => log.push(l), limits })!;
  return { fetch, log };
}

/** The id_list of each request the server saw. */
const asked = (server: ReplayServer) => server.requests.map((r) => new URL(r.url, "http://x").searchParams.get("id_list"));

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    assert.ok(isPaperfeedError(e), String(e));
    return e;
  }
  assert.fail("expected a failure");
}

test("fetches recorded papers from every pasted form, 3 s apart, naming the instance", async () => {
  const server = await startArxivApiReplay();
  try {
    const clock = new FakeClock();
    const { fetch } = fetcherOn(server, clock);
    const got: Array<Paper | null> = [];
    for (const raw of ["1707.08567", "https://arxiv.org/abs/2104.12255v1", "arXiv:astro-ph/0601001", "https://arxiv.org/pdf/quant-ph/0201082v1.pdf"]) {
      got.push(await fetch(raw));
    }
    assert.deepEqual(
      got.map((p) => [p?.id, p?.title.slice(0, 30)]),
      [
        ["1707.08567", "Proceedings of Workshop AEW10:"],
        ["2104.12255", "0"],
        ["astro-ph/0601001", "Frequency of Hot Jupiters and "],
        ["quant-ph/0201082", "Quantum Computers and Quantum "],
      ],
    );
    assert.equal(got[0]!.authors.length, 34);
    assert.deepEqual(asked(server), ["1707.08567", "2104.12255", "astro-ph/0601001", "quant-ph/0201082"]);
    assert.ok(server.requests.every((r) => r.url.startsWith("/api/query?id_list=") && r.url.endsWith("&max_results=1")));
    assert.ok(server.requests.every((r) => r.headers["user-agent"] === UA));
    assert.deepEqual(clock.sleeps, [3000, 3000, 3000]);
  } finally {
    await server.close();
  }
});

test("arXiv's no: an empty feed and the API's 400 error feed are null, and a no is remembered for its TTL", async () => {
  const server = await startArxivApiReplay({ malformed: ["abc"] });
  try {
    const clock = new FakeClock();
    const { fetch } = fetcherOn(server, clock, { missingTtlMs: 10 * 60_000 });
    assert.equal(await fetch("2401.99999"), null);
    assert.equal(await fetch("https://arxiv.org/abs/2401.99999v2"), null, "the same id in another form");
    assert.deepEqual(asked(server), ["2401.99999"], "the second ask made no request");
    clock.advance(10 * 60_000);
    assert.equal(await fetch("2401.99999"), null);
    assert.equal(server.requests.length, 2, "asked again once the TTL passed");

    const http = new PoliteClient({ component: "ingest", service: "arXiv API", userAgent: UA, clock, ...ON_DEMAND_HTTP });
    const client = new ArxivApiClient(http, `${server.url}/api/query`);
    assert.equal(await client.fetchPaper("abc"), null, "400 + error entry: arXiv has no such paper");
    const bad = await rejection(fetch("abc"));
    assert.equal(bad.id, "bad_arxiv_id", "what is not an id is refused before any request");
  } finally {
    await server.close();
  }
});

test("a paper found is remembered: asking again makes no request", async () => {
  const server = await startArxivApiReplay();
  try {
    const clock = new FakeClock();
    const { fetch } = fetcherOn(server, clock, { foundTtlMs: 60_000 });
    const first = await fetch("1605.08386");
    assert.equal((await fetch("1605.08386v1"))?.title, first?.title);
    assert.equal(server.requests.length, 1);
    clock.advance(60_000);
    await fetch("1605.08386");
    assert.equal(server.requests.length, 2);
  } finally {
    await server.close();
  }
});

test("concurrent asks for one id share one request", async () => {
  const server = await startArxivApiReplay();
  try {
    const { fetch } = fetcherOn(server, new FakeClock());
    const papers = await Promise.all(Array.from({ length: 5 }, (_, i) => fetch(i % 2 ? "1707.08567v1" : "1707.08567")));
    assert.ok(papers.every((p) => p === papers[0] && p?.id === "1707.08567"));
    assert.equal(server.requests.length, 1);
  } finally {
    await server.close();
  }
});

test("a visitor waits at most waitMs for a slow arXiv; the fetch goes on and the next ask gets the paper", async () => {
  let release = () => undefined as void;
  const answered = new Promise<void>((resolve) => (release = resolve));
  const server = await startArxivApiReplay({ override: () => answered.then(() => undefined) });
  try {
    const { fetch } = fetcherOn(server, new FakeClock(), { waitMs: 200 });
    const e = await rejection(fetch("1707.08567"));
    assert.deepEqual([e.id, e.status], ["arxiv_slow", 503]);
    assert.match(e.message, /has not answered for paper 1707\.08567 within 200 ms; it is still being fetched/);
    release();
    // The same fetch, still going: a later ask shares it (or finds its answer remembered).
    assert.equal((await fetch("1707.08567"))?.id, "1707.08567");
    assert.equal(server.requests.length, 1, "the slow answer was kept, not asked again");
  } finally {
    await server.close();
  }
});

test("503 with Retry-After: waits as told, then the paper", async () => {
  let calls = 0;
  const server = await startArxivApiReplay({
    override: () => (++calls === 1 ? { status: 503, headers: { "retry-after": "5" }, body: "<html><body>Retry after 5 seconds</body></html>" } : undefined),
  });
  try {
    const clock = new FakeClock();
    const { fetch, log } = fetcherOn(server, clock);
    assert.equal((await fetch("1707.08567"))?.id, "1707.08567");
    assert.deepEqual(clock.sleeps, [5000]);
    assert.equal(server.requests.length, 2);
    assert.match(log.join("\n"), /answered 503; waiting 5 s as asked \(Retry-After\)/);
  } finally {
    await server.close();
  }
});

test("arXiv unreachable or failing beyond the retries: one clear 503, then no request during the outage", async () => {
  const server = await startArxivApiReplay({ override: () => ({ status: 503, body: "<html>down</html>" }) });
  try {
    const clock = new FakeClock();
    const { fetch, log } = fetcherOn(server, clock, { outageMs: 60_000 });
    const e = await rejection(fetch("1707.08567"));
    assert.deepEqual([e.id, e.status, e.visible], ["arxiv_unavailable", 503, true]);
    assert.equal(e.message, "ingest: arXiv could not be reached to fetch paper 1707.08567; try again in a few minutes");
    assert.doesNotMatch(e.message, /127\.0\.0\.1/, "no host in what visitors see");
    assert.match(log.join("\n"), /fetching 1707\.08567 failed: .*answered 503 after 3 attempts/);
    assert.equal(server.requests.length, 3, "the request and two retries");
    assert.equal((await rejection(fetch("1605.08386"))).id, "arxiv_unavailable");
    assert.equal(server.requests.length, 3, "during the outage nothing is asked");
    clock.advance(60_000);
    await rejection(fetch("1605.08386"));
    assert.equal(server.requests.length, 6, "asked again after it");
  } finally {
    await server.close();
  }
  const closed = fetcherOn(server, new FakeClock());
  const e = await rejection(closed.fetch("1707.08567"));
  assert.equal(e.id, "arxiv_unavailable");
  assert.match(closed.log.join("\n"), /could not be reached/);
});

test("an answer that is not Atom is unavailable; more distinct ids than maxPending are busy", async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const server = await startArxivApiReplay({
    override: async (_, query) => {
      if (query.get("id_list") === "1605.08386") return { status: 200, body: "<html><body>Maintenance</body></html>" };
      if (query.get("id_list") === "1707.08567") await held;
      return undefined;
    },
  });
  try {
    const { fetch } = fetcherOn(server, new FakeClock(), { maxPending: 1 });
    const slow = fetch("1707.08567");
    const busy = await rejection(fetch("astro-ph/0601001"));
    assert.deepEqual([busy.id, busy.status, busy.visible], ["arxiv_busy", 503, true]);
    release();
    assert.equal((await slow)?.id, "1707.08567");
    assert.equal((await rejection(fetch("1605.08386"))).id, "arxiv_unavailable");
  } finally {
    release();
    await server.close();
  }
});

test("off in the configuration: no fetcher", () => {
  assert.equal(createPaperFetcher({ config: { arxivApiUrl: "off", baseUrl: "https://papers.test", contact: null } }), null);
});

test("the cache holds at most its capacity, dropping the least recently used, and forgets after the TTL", () => {
  const clock = new FakeClock();
  const cache = new TtlCache<string, number | null>(2, clock);
  cache.set("a", 1, 1000);
  cache.set("b", null, 5000);
  assert.equal(cache.get("a"), 1, "a is now the most recent");
  cache.set("c", 3, 1000);
  assert.deepEqual([cache.get("a"), cache.get("b"), cache.get("c"), cache.size], [1, undefined, 3, 2]);
  clock.advance(1000);
  assert.deepEqual([cache.get("a"), cache.get("c"), cache.size], [undefined, undefined, 0]);
  cache.set("n", null, 1000);
  assert.equal(cache.get("n"), null, "a remembered no is null, not undefined");
});
