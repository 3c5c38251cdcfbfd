/**
 * The GitHub client against a real HTTP server on loopback answering with GitHub's documented
 * responses and headers (test/fixtures/github), on a fake clock: ETag then 304, the token, gone
 * and blocked repositories, renames, the primary limit and secondary limits.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { FakeClock } from "../http/testing/fake-clock.js";
import { type Replay, startReplayServer } from "../http/testing/replay-server.js";
import { GITHUB_SPACING_MS, GithubClient, SECONDARY_LIMIT_WAIT_MS } from "./client.js";
import { githubReplay } from "./testing/responses.js";

const UA = "paperfeed/test (+http://papers.test; mailto:ops@papers.test)";
const TOKEN = "ghp_secretsecretsecretsecretsecret0000";

async function withGithub(route: (path: string, headers: Record<string, string | string[] | undefined>) => Replay, body: (url: string, requests: () => Array<{ url: string; headers: Record<string, string | string[] | undefined> }>) => Promise<void>) {
  const server = await startReplayServer((r) => route(r.url, r.headers));
  try {
    await body(server.url, () => server.requests);
  } finally {
    await server.close();
  }
}

test("github client: 200 with an ETag, then a conditional request answered 304 keeps the count; headers GitHub asks for", () =>
  withGithub(
    (path, h) => (h["if-none-match"] === 'W/"abc"' ? githubReplay("repo-304") : githubReplay("repo-200", { stars: 1234, fullName: "Org/Model", etag: 'W/"abc"' })),
    async (url, requests) => {
      const clock = new FakeClock();
      const client = new GithubClient({ apiUrl: `${url}/`, token: null, userAgent: UA, clock });
      assert.deepEqual(await client.repository("org/model", null), { kind: "ok", stars: 1234, fullName: "Org/Model", etag: 'W/"abc"' });
      assert.deepEqual(client.rate, { limit: 60, remaining: 59, resetAt: 1767580200_000 });
      assert.deepEqual(await client.repository("org/model", 'W/"abc"'), { kind: "not_modified" });
      const [first, second] = requests();
      assert.equal(first!.url, "/repos/org/model");
      assert.equal(first!.headers["if-none-match"], undefined);
      assert.equal(second!.headers["if-none-match"], 'W/"abc"');
      for (const r of requests()) {
        assert.equal(r.headers.accept, "application/vnd.github+json");
        assert.equal(r.headers["x-github-api-version"], "2022-11-28");
        assert.equal(r.headers["user-agent"], UA);
        assert.equal(r.headers.authorization, undefined, "no token, no Authorization");
      }
      assert.deepEqual(clock.sleeps, [GITHUB_SPACING_MS], "one second between the two requests");
    },
  ));

test("github client: the token goes out as a Bearer header and into no log line or message", () =>
  withGithub(
    (path) => (path.includes("missing") ? githubReplay("repo-404") : path.includes("busy") ? { status: 500, body: "oops" } : githubReplay("repo-200")),
    async (url, requests) => {
      const lines: string[] = [];
      const client = new GithubClient({ apiUrl: url, token: TOKEN, userAgent: UA, clock: new FakeClock(), log: (l) => lines.push(l) });
      await client.repository("octocat/hello-world", null);
      await client.repository("a/missing", null);
      const failure = await client.repository("a/busy", null).catch((e: unknown) => e as Error);
      assert.ok(failure instanceof Error && /answered 500/.test(failure.message));
      assert.ok(requests().every((r) => r.headers.authorization === `Bearer ${TOKEN}`));
      assert.ok(lines.length > 0, "retries were logged");
      assert.ok(![...lines, failure.message, String(failure.stack)].some((l) => l.includes(TOKEN)));
    },
  ));

test("github client: 404 is gone, 451 and a plain 403 blocked, a rename followed to the canonical name", () =>
  withGithub(
    (path) => {
      if (path === "/repos/a/missing") return githubReplay("repo-404");
      if (path === "/repos/a/dmca") return githubReplay("repo-451");
      if (path === "/repos/a/refused") return { ...githubReplay("repo-404"), status: 403, body: '{"message":"Resource not accessible"}' };
      if (path === "/repos/old/name") return githubReplay("repo-301");
      if (path === "/repositories/1296269") return githubReplay("repo-200", { fullName: "New-Owner/new-name", stars: 7 });
      return { status: 500 };
    },
    async (url) => {
      const client = new GithubClient({ apiUrl: url, token: null, userAgent: UA, clock: new FakeClock() });
      assert.deepEqual(await client.repository("a/missing", 'W/"x"'), { kind: "gone", status: 404 });
      assert.deepEqual(await client.repository("a/dmca", null), { kind: "blocked", status: 451 });
      assert.deepEqual(await client.repository("a/refused", null), { kind: "blocked", status: 403 });
      const moved = await client.repository("old/name", null);
      assert.equal(moved.kind === "ok" && moved.fullName, "New-Owner/new-name");
    },
  ));

test("github client: X-RateLimit-Remaining 0 on a 403 (or 429) is the primary limit: no retry, the reset time returned", () =>
  withGithub(
    (path) => (path.includes("429") ? { ...githubReplay("primary-limit-403"), status: 429 } : githubReplay("primary-limit-403")),
    async (url, requests) => {
      const clock = new FakeClock();
      const client = new GithubClient({ apiUrl: url, token: null, userAgent: UA, clock });
      assert.deepEqual(await client.repository("a/b", null), { kind: "rate_limited", resetAt: Date.parse("2026-01-05T02:30:00Z") });
      assert.deepEqual(await client.repository("a/429", null), { kind: "rate_limited", resetAt: Date.parse("2026-01-05T02:30:00Z") });
      assert.equal(requests().length, 2, "asked once each, never again");
      assert.equal(client.rate.remaining, 0);
    },
  ));

test("github client: a secondary limit with Retry-After is waited out, then the request retried", () => {
  let calls = 0;
  return withGithub(
    () => (++calls === 1 ? githubReplay("secondary-limit-403", { headers: { "retry-after": "42" } }) : githubReplay("repo-200", { stars: 9 })),
    async (url, requests) => {
      const clock = new FakeClock();
      const client = new GithubClient({ apiUrl: url, token: TOKEN, userAgent: UA, clock });
      const answer = await client.repository("a/b", null);
      assert.equal(answer.kind === "ok" && answer.stars, 9);
      assert.deepEqual(clock.sleeps, [42_000]);
      assert.equal(requests().length, 2);
    },
  );
});

test("github client: a 429 secondary limit without Retry-After waits at least a minute", () => {
  let calls = 0;
  return withGithub(
    () => (++calls <= 2 ? githubReplay("secondary-limit-429") : githubReplay("repo-200", { stars: 3 })),
    async (url, requests) => {
      const clock = new FakeClock();
      const client = new GithubClient({ apiUrl: url, token: TOKEN, userAgent: UA, clock });
      const answer = await client.repository("a/b", null);
      assert.equal(answer.kind === "ok" && answer.stars, 3);
      assert.deepEqual(clock.sleeps, [SECONDARY_LIMIT_WAIT_MS, SECONDARY_LIMIT_WAIT_MS]);
      assert.equal(requests().length, 3);
    },
  );
});

test("github client: a 200 without a star count is a clear error naming the URL", () =>
  withGithub(
    () => ({ status: 200, headers: { "content-type": "application/json" }, body: '{"message":"hello"}' }),
    async (url) => {
      const client = new GithubClient({ apiUrl: url, token: null, userAgent: UA, clock: new FakeClock() });
      await assert.rejects(client.repository("a/b", null), /GitHub: http:\/\/127\.0\.0\.1:\d+\/repos\/a\/b answered without stargazers_count/);
    },
  ));
