/**
 * The stars job on a real SQLite database, against a real HTTP server on loopback answering with
 * GitHub's documented responses (test/fixtures/github), on a fake clock (nothing sleeps): papers
 * linked to their repositories, counts and history stored, nothing asked twice within the refresh
 * interval, a 304 keeps the count, the primary rate limit pauses the job until its reset, and the
 * stored velocity ranks a repository gaining 100 stars a day above one gaining 5.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { openDeliveryFixture, type DeliveryFixture } from "../deliver/testing/delivery-fixture.js";
import { githubReplay } from "../ingest/github/testing/responses.js";
import { FakeClock } from "../ingest/http/testing/fake-clock.js";
import { type Replay, type ReplayServer, startReplayServer } from "../ingest/http/testing/replay-server.js";
import { rankTrending } from "../rank/trending.js";
import { makeStarsJob, runBudget } from "./stars-job.js";
import { fixtureJobContext } from "./testing/job-context.js";
import type { JobContext } from "./types.js";

const NOW = "2024-01-17T03:00:00.000Z";
const DAY_MS = 86_400_000;
/** Seconds since the epoch, as GitHub's x-ratelimit-reset says. */
const epochSeconds = (ms: number) => String(Math.floor(ms / 1000));

interface Setup {
  f: DeliveryFixture;
  server: ReplayServer;
  clock: FakeClock;
  logged: string[];
  ctx: JobContext;
  /** "owner/repo" of each GitHub request so far. */
  asked: () => string[];
}

/**
 * The delivery fixture's papers (GitHub links: 2401.00001 → example/repo0 and 00004 → repo3 on
 * the first day, 00007 → repo6 and 00010 → repo9 on the second) and a GitHub replay server.
 */
async function setup(answer: (repo: string, ifNoneMatch: string | undefined, hit: number) => Replay, overrides: Partial<JobContext["config"]> = {}): Promise<Setup> {
  const f = await openDeliveryFixture();
  const hits = new Map<string, number>();
  const server = await startReplayServer((r) => {
    const repo = r.url.replace(/^\/repos\//, "");
    hits.set(repo, (hits.get(repo) ?? 0) + 1);
    const tag = r.headers["if-none-match"];
    return answer(repo, Array.isArray(tag) ? tag[0] : tag, hits.get(repo)!);
  });
  const clock = new FakeClock(Date.parse(NOW));
  const { ctx, logged } = fixtureJobContext(f, clock, { githubApiUrl: server.url, contact: "ops@papers.test", ...overrides });
  return { f, server, clock, logged, ctx, asked: () => server.requests.map((r) => r.url.replace(/^\/repos\//, "")) };
}

async function teardown(s: Setup) {
  await s.server.close();
  await s.f.close();
}

/** A GitHub that knows `stars` per repository and answers 304 to the ETag of an unchanged count. */
function starGithub(stars: Map<string, number>) {
  const etagOf = (repo: string) => `W/"${repo}-${stars.get(repo)}"`;
  return (repo: string, ifNoneMatch: string | undefined): Replay => {
    if (!stars.has(repo)) return githubReplay("repo-404");
    if (ifNoneMatch === etagOf(repo)) return githubReplay("repo-304", { etag: etagOf(repo) });
    const [owner, name] = repo.split("/");
    return githubReplay("repo-200", { stars: stars.get(repo)!, fullName: `${owner}/${name!.replace("repo", "Repo")}`, etag: etagOf(repo) });
  };
}

test("stars job: links recent and curated papers, stores counts and history, asks nothing within the refresh interval, a 304 keeps the count", async () => {
  const stars = new Map([["example/repo0", 40], ["example/repo6", 1000], ["example/repo9", 1000]]);
  const s = await setup(starGithub(stars));
  try {
    const member = await s.f.community.createUser({ email: "ada@example.org", displayName: "Ada", passwordHash: "x", now: NOW });
    // 2401.00001 is from the older day, which recentDays: 1 leaves out; the curated list brings it in.
    await s.f.community.addDailyEntry({ day: "2024-01-15", paperId: "2401.00001", userId: member.id, now: NOW });
    const job = makeStarsJob({ recentDays: 1 });

    assert.equal(await job.run(s.ctx, null), "3 papers link 3 repositories; checked 3 of 3 due (3 counted, 0 unchanged, 0 gone, 0 blocked)");
    assert.deepEqual(s.asked().sort(), ["example/repo0", "example/repo6", "example/repo9"], "example/repo3 is on no recent day or list");
    assert.deepEqual(s.clock.sleeps, [1000, 1000], "one request a second");
    for (const r of s.server.requests) {
      assert.equal(r.headers.accept, "application/vnd.github+json");
      assert.equal(r.headers["x-github-api-version"], "2022-11-28");
      assert.ok(r.headers["user-agent"]?.includes("mailto:ops@papers.test"));
      assert.equal(r.headers.authorization, undefined, "no token configured");
      assert.equal(r.headers["if-none-match"], undefined, "nothing known yet");
    }
    const states = await s.f.community.repoStates(["example/repo0", "example/repo6", "example/repo3"]);
    assert.deepEqual(
      { ...states.get("example/repo6"), checkedAt: null },
      { repo: "example/repo6", fullName: "example/Repo6", status: "ok", stars: 1000, etag: 'W/"example/repo6-1000"', checkedAt: null },
    );
    assert.equal(states.get("example/repo3"), undefined, "never linked");
    assert.deepEqual((await s.f.community.starHistory("example/repo0")).map((h) => [h.day, h.stars]), [["2024-01-17", 40]]);

    // Ten minutes on: everything was checked within the refresh interval.
    s.clock.advance(10 * 60_000);
    assert.equal(await job.run(s.ctx, null), "3 papers link 3 repositories; none due");
    assert.equal(s.server.requests.length, 3);

    // A day on: repo6 gained 100 stars, repo9 5, repo0 none (GitHub answers 304 to its ETag).
    s.clock.advance(DAY_MS);
    stars.set("example/repo6", 1100);
    stars.set("example/repo9", 1005);
    assert.equal(await job.run(s.ctx, null), "3 papers link 3 repositories; checked 3 of 3 due (2 counted, 1 unchanged, 0 gone, 0 blocked)");
    const conditional = s.server.requests.slice(3).find((r) => r.url === "/repos/example/repo0");
    assert.equal(conditional?.headers["if-none-match"], 'W/"example/repo0-40"');
    assert.equal((await s.f.community.repoStates(["example/repo0"])).get("example/repo0")?.stars, 40, "the 304 kept the count");
    assert.deepEqual((await s.f.community.starHistory("example/repo0")).map((h) => [h.day, h.stars]), [["2024-01-17", 40], ["2024-01-18", 40]]);
    assert.deepEqual((await s.f.community.starHistory("example/repo6")).map((h) => [h.day, h.stars]), [["2024-01-17", 1000], ["2024-01-18", 1100]]);

    // Trending: the two second-day papers given the same metadata, so only the stars part differs.
    const papers = (await s.f.store.getPapers(["2401.00007", "2401.00010"])).map((p) => ({ ...p, categories: [p.primaryCategory], comments: null, journalRef: null }));
    const activity = await s.f.community.activityOf(papers.map((p) => p.id));
    const now = new Date(s.clock.now()).toISOString();
    for (const order of [papers, [...papers].reverse()]) {
      const ranked = rankTrending(order, { activity, now });
      assert.deepEqual(ranked.map((r) => r.id), ["2401.00007", "2401.00010"], "100 stars a day above 5");
      assert.ok(ranked[0]!.parts.stars! > ranked[1]!.parts.stars! && ranked[1]!.parts.stars! > 0, JSON.stringify(ranked.map((r) => r.parts)));
    }
  } finally {
    await teardown(s);
  }
});

test("stars job: the primary rate limit pauses it until GitHub's reset; a low remaining quota stops it early", async () => {
  const resetAt = Date.parse(NOW) + 45 * 60_000;
  const limited = githubReplay("primary-limit-403", { headers: { "x-ratelimit-reset": epochSeconds(resetAt) } });
  let limit = true;
  const s = await setup((repo, _tag, hit) =>
    repo === "example/repo9" && hit === 1 && limit ? limited : githubReplay("repo-200", { stars: 7, fullName: repo, etag: `"${repo}"` }),
  );
  try {
    const job = makeStarsJob({ recentDays: 1, curatedDays: 0 });
    const first = await job.run(s.ctx, null);
    assert.match(first, /checked 1 of 2 due \(1 counted.*; paused until 2024-01-17T03:45:00\.000Z$/);
    assert.equal(await s.f.community.githubPausedUntil(), "2024-01-17T03:45:00.000Z");
    assert.deepEqual(s.asked(), ["example/repo6", "example/repo9"], "not retried: the limit is no secondary one");
    assert.ok(s.logged.some((l) => l.includes("rate limit is spent")));

    s.clock.advance(30 * 60_000);
    assert.equal(await job.run(s.ctx, null), "2 papers link 2 repositories; GitHub's rate limit: nothing asked before 2024-01-17T03:45:00.000Z");
    assert.equal(s.server.requests.length, 2);

    s.clock.advance(20 * 60_000);
    limit = false;
    assert.equal(await job.run(s.ctx, null), "2 papers link 2 repositories; checked 1 of 1 due (1 counted, 0 unchanged, 0 gone, 0 blocked)");
    assert.equal(await s.f.community.githubPausedUntil(), null, "the pause is over");
    assert.equal((await s.f.community.repoStates(["example/repo9"])).get("example/repo9")?.stars, 7);
  } finally {
    await teardown(s);
  }

  // Quota running low (4 of 60 left, under the 10 % kept for others): stop after the answer and wait for the reset.
  const low = await setup((repo) =>
    githubReplay("repo-200", { stars: 3, fullName: repo, headers: { "x-ratelimit-remaining": "4", "x-ratelimit-reset": epochSeconds(resetAt) } }),
  );
  try {
    assert.match(await makeStarsJob({ recentDays: 1 }).run(low.ctx, null), /checked 1 of 2 due .*; paused until 2024-01-17T03:45:00\.000Z$/);
    assert.equal(low.server.requests.length, 1);
    assert.ok(low.logged.some((l) => l.includes("4 of 60 requests left")));
  } finally {
    await teardown(low);
  }
});

test("stars job: gone and blocked repositories are stored and not asked again; a token goes out; a stop mid-request records nothing", async () => {
  const controller = new AbortController();
  const s = await setup(
    (repo) => {
      if (repo === "example/repo6") return githubReplay("repo-404");
      if (repo === "example/repo9") return githubReplay("repo-451");
      controller.abort(); // the runner stops while this request is under way
      return githubReplay("repo-200", { stars: 5, fullName: repo });
    },
    { githubToken: "ghp_secret-token" },
  );
  try {
    const job = makeStarsJob({ recentDays: 1, curatedDays: 0 });
    assert.match(await job.run(s.ctx, null), /checked 2 of 2 due \(0 counted, 0 unchanged, 1 gone, 1 blocked\)$/);
    assert.ok(s.server.requests.every((r) => r.headers.authorization === "Bearer ghp_secret-token"));
    assert.ok(s.logged.every((l) => !l.includes("ghp_secret-token")));
    const states = await s.f.community.repoStates(["example/repo6", "example/repo9"]);
    assert.deepEqual([states.get("example/repo6")?.status, states.get("example/repo9")?.status], ["gone", "blocked"]);

    s.clock.advance(DAY_MS);
    assert.equal(await job.run(s.ctx, null), "2 papers link 2 repositories; none due", "not asked again");

    const wider = makeStarsJob({ recentDays: 2, curatedDays: 0 });
    const stopped = await wider.run({ ...s.ctx, signal: controller.signal }, null);
    assert.match(stopped, /checked 0 of 2 due/);
    assert.equal(s.server.requests.length, 3, "stopped at once after the first request");
    assert.equal((await s.f.community.staleRepos(new Date(s.clock.now()).toISOString(), 10)).length, 2, "both still unchecked");
  } finally {
    await teardown(s);
  }
});

test("stars job: the newest papers' repositories are asked about before those of older papers", async () => {
  const s = await setup((repo) => githubReplay("repo-200", { stars: 10, fullName: repo }));
  try {
    assert.match(await makeStarsJob({ recentDays: 2, curatedDays: 0 }).run(s.ctx, null), /checked 4 of 4 due/);
    s.clock.advance(7 * 3_600_000);
    // All four are due again; with room for one, the second day's (repo6, repo9) come before repo0 and repo3.
    const narrow = makeStarsJob({ recentDays: 1, curatedDays: 0, maxPerRun: 1 });
    assert.match(await narrow.run(s.ctx, null), /checked 1 of 1 due/);
    assert.match(await narrow.run(s.ctx, null), /checked 1 of 1 due/);
    assert.match(await narrow.run(s.ctx, null), /checked 1 of 1 due/, "then the older papers' repositories, while the quota allows");
    assert.deepEqual(s.asked().slice(4), ["example/repo6", "example/repo9", "example/repo0"]);
  } finally {
    await teardown(s);
  }
});

test("stars job: each run's budget fits GitHub's hourly quota", () => {
  assert.equal(runBudget(false, 10 * 60_000, 300), 8, "60 an hour: 80 % of a sixth");
  assert.equal(runBudget(true, 10 * 60_000, 300), 300, "5,000 an hour: capped by the run's length");
  assert.equal(runBudget(true, 60_000, 300), 66);
  assert.equal(runBudget(false, 2 * 3_600_000, 300), 48, "never more than the hour's share");
  assert.equal(runBudget(false, 1000, 300), 1, "at least one");
});
