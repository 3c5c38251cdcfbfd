/**
 * The polite client against a real HTTP server on loopback, with a fake clock: spacing between
 * requests, Retry-After (seconds and dates), backoff, the User-Agent and clear failures.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { isPaperfeedError } from "../../core/errors.js";
import { PoliteClient, parseRetryAfter } from "./polite-client.js";
import { FakeClock } from "./testing/fake-clock.js";
import { startReplayServer } from "./testing/replay-server.js";

const UA = "paperfeed/test (+http://papers.test; mailto:ops@papers.test)";

test("polite client: 3 s between requests, Retry-After honoured, User-Agent sent", async () => {
  let hits = 0;
  const server = await startReplayServer(() => {
    hits++;
    if (hits === 2) return { status: 503, headers: { "retry-after": "7" }, body: "<html>Retry after 7</html>" };
    return { status: 200, body: `page ${hits}` };
  });
  try {
    const clock = new FakeClock();
    const times: number[] = [];
    const client = new PoliteClient({ component: "ingest", service: "test", userAgent: UA, clock });
    const origNow = clock.now.bind(clock);
    const t0 = origNow();
    for (let i = 0; i < 3; i++) {
      const r = await client.get(`${server.url}/x?i=${i}`);
      times.push(clock.now() - t0);
      assert.equal(r.status, 200);
    }
    // First at once; second waits 3 s, gets 503, waits 7 s as told, retries; third 3 s later.
    assert.deepEqual(clock.sleeps, [3000, 7000, 3000]);
    assert.deepEqual(times, [0, 10_000, 13_000]);
    assert.equal(server.requests.length, 4);
    assert.ok(server.requests.every((r) => r.headers["user-agent"] === UA));
  } finally {
    await server.close();
  }
});

test("polite client: gives up after its retries with the status and URL in the message", async () => {
  const server = await startReplayServer(() => ({ status: 500, body: "internal trouble" }));
  try {
    const clock = new FakeClock();
    const client = new PoliteClient({ component: "ingest", service: "arXiv", userAgent: UA, clock, retries: 2, backoffMs: 1000 });
    await assert.rejects(client.get(`${server.url}/y`), (e: unknown) => {
      assert.ok(isPaperfeedError(e));
      assert.match(e.message, /^ingest: arXiv: http:\/\/127\.0\.0\.1:\d+\/y answered 500 after 3 attempts: internal trouble$/);
      return true;
    });
    assert.equal(server.requests.length, 3);
    // Backoff 1 s then 2 s, each topped up to the 3 s spacing: requests at 0, 3 and 6 s.
    assert.deepEqual(clock.sleeps, [1000, 2000, 2000, 1000]);
  } finally {
    await server.close();
  }
});

test("polite client: a Retry-After shorter than the spacing is lifted to it", async () => {
  let hits = 0;
  const server = await startReplayServer(() => (++hits === 1 ? { status: 503, headers: { "retry-after": "2" } } : { status: 200, body: "ok" }));
  try {
    const clock = new FakeClock();
    const client = new PoliteClient({ component: "ingest", service: "t", userAgent: UA, clock });
    const t0 = clock.now();
    await client.get(`${server.url}/z`);
    assert.deepEqual(clock.sleeps, [2000, 1000], "2 s as asked, then 1 s more to keep 3 s between requests");
    assert.equal(clock.now() - t0, 3000);
  } finally {
    await server.close();
  }
});

test("polite client: a 404 fails at once unless accepted; too long a Retry-After fails with the wait named", async () => {
  const server = await startReplayServer((r) =>
    r.url.startsWith("/late") ? { status: 429, headers: { "retry-after": "86400" } } : { status: 404, body: "no such thing" },
  );
  try {
    const client = new PoliteClient({ component: "ingest", service: "t", userAgent: UA, clock: new FakeClock() });
    await assert.rejects(client.get(`${server.url}/missing`), /answered 404: no such thing/);
    assert.equal((await client.get(`${server.url}/missing`, { accept: [404] })).status, 404);
    await assert.rejects(client.get(`${server.url}/late`), /asks to retry after 86400 s/);
  } finally {
    await server.close();
  }
});

test("polite client: an unreachable host is reported as such after retries", async () => {
  const client = new PoliteClient({ component: "ingest", service: "t", userAgent: UA, clock: new FakeClock(), retries: 1 });
  await assert.rejects(client.get("http://127.0.0.1:9/nothing"), /could not be reached/);
});

test("parseRetryAfter reads seconds and HTTP dates", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  assert.equal(parseRetryAfter("2", now), 2000);
  assert.equal(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now), 30_000);
  assert.equal(parseRetryAfter("soon", now), null);
  assert.equal(parseRetryAfter(null, now), null);
});

test("polite client: maxBytes stops a body that is too large, by Content-Length or while reading, without retrying", async () => {
  const big = Buffer.alloc(64 * 1024, 1);
  const server = await startReplayServer((r) =>
    r.url === "/chunked"
      ? { status: 200, headers: { "transfer-encoding": "chunked" }, body: big }
      : { status: 200, body: r.url === "/small" ? "small" : big },
  );
  try {
    const client = new PoliteClient({ component: "ingest", service: "test", userAgent: UA, clock: new FakeClock() });
    const tooLarge = (e: unknown) => isPaperfeedError(e) && e.id === "too_large" && /larger than the 1,000 bytes/.test(e.message);
    await assert.rejects(client.get(`${server.url}/declared`, { maxBytes: 1000 }), tooLarge);
    await assert.rejects(client.get(`${server.url}/chunked`, { maxBytes: 1000 }), tooLarge);
    assert.equal((await client.get(`${server.url}/small`, { maxBytes: 1000 })).body.toString(), "small");
    assert.equal((await client.get(`${server.url}/chunked`)).body.length, big.length, "no limit unless asked");
    assert.equal(server.requests.length, 4, "a body too large is not retried");
  } finally {
    await server.close();
  }
});
