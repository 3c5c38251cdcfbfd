/**
 * The star job on a real SQLite database against a loopback server answering like GitHub's REST
 * API (documented responses, test/fixtures/github), on a fake clock: counts and one history row
 * per day, 304s for unchanged repositories, gone ones remembered, trending's star part from the
 * history, and a spent rate limit stopping the run until its reset.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { paperLike } from "../../test/store/fixture-papers.js";
import { newOwner } from "../deliver/owner.js";
import { githubReplay } from "../ingest/github/testing/responses.js";
import { FakeClock } from "../ingest/http/testing/fake-clock.js";
import { type ReplayServer, startReplayServer } from "../ingest/http/testing/replay-server.js";
import { rankTrending } from "../rank/trending.js";
import { testConfig } from "../serve/testing/fixture-app.js";
import type { CommunityStore } from "../store/community-types.js";
import { openSqliteCommunityStore } from "../store/sqlite/community-sql.js";
import { SqliteDeliveryStore } from "../store/sqlite/delivery-store.js";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";
import { runJobOnce } from "./runner.js";
import { starsJob } from "./stars-job.js";
import type { JobContext } from "./types.js";

const DAY = "2026-01-04";
const github = (...repos: string[]) => repos.map((r) => ({ kind: "github" as const, url: `https://github.com/${r}` }));

interface World {
  ctx: JobContext;
  clock: FakeClock;
  store: SqliteStore;
  community: CommunityStore;
  server: ReplayServer;
  close(): Promise<void>;
}

/** `answer(repo)` gives the replay for /repos/{repo}; the ETag is derived from the count, so unchanged counts answer 304. */
async function openWorld(papers: ReturnType<typeof paperLike>[], answer: (repo: string, ifNoneMatch: string | undefined) => ReturnType<typeof githubReplay>, token: string | null = null): Promise<World> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paperfeed-stars-"));
  const db = path.join(dir, "paperfeed.db");
  const store = SqliteStore.open({ path: db });
  await store.upsertPapers(papers);
  const delivery = SqliteDeliveryStore.open({ path: db });
  const community = await openSqliteCommunityStore({ path: db });
  const server = await startReplayServer((r) => {
    const m = /^\/repos\/([^/]+\/[^/?]+)/.exec(r.url);
    const inm = r.headers["if-none-match"];
    return m ? answer(decodeURIComponent(m[1]!), typeof inm === "string" ? inm : undefined) : { status: 404 };
  });
  const clock = new FakeClock(Date.parse(`${DAY}T22:00:00Z`));
  const ctx: JobContext = {
    store, delivery, community, owner: newOwner(), clock: () => new Date(clock.now()), time: clock, log: () => undefined,
    config: testConfig(dir, { githubApiUrl: server.url, githubToken: token }),
  };
  return {
    ctx, clock, store, community, server,
    async close() {
      await server.close();
      await community.close();
      await delivery.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A GitHub answering with `counts[repo]`: 200 with ETag W/"count", 304 when If-None-Match matches; unknown repositories 404. */
const countsServer = (counts: Record<string, number>, remaining = () => 4000) => (repo: string, inm: string | undefined) => {
  const headers = { "x-ratelimit-remaining": String(remaining()), "x-ratelimit-limit": "5000" };
  if (!(repo in counts)) return githubReplay("repo-404", { headers });
  const etag = `W/"${counts[repo]}"`;
  return inm === etag ? githubReplay("repo-304", { headers }) : githubReplay("repo-200", { stars: counts[repo], fullName: repo.replace(/^./, (c) => c.toUpperCase()), etag, headers });
};

test("stars job: daily counts into the history, 304 when unchanged, gone remembered; 100 stars a day ranks above 5", async () => {
  const fast = paperLike(1, { announced: DAY, codeLinks: github("lab/fast", "lab/fast/tree/main/src") });
  const slow = paperLike(2, { announced: DAY, codeLinks: github("lab/slow.git") });
  const gone = paperLike(3, { announced: DAY, codeLinks: github("lab/gone") });
  const counts: Record<string, number> = { "lab/fast": 1000, "lab/slow": 5000 };
  const w = await openWorld([fast, slow, gone], countsServer(counts), "ghp_token");
  try {
    const job = starsJob();
    const first = await runJobOnce(job, w.ctx);
    assert.deepEqual([first.status, first.period], ["done", "2026-01-04T22"]);
    assert.equal(first.detail, "3 repositories checked: 2 counts, 0 unchanged (304), 1 gone, 0 blocked; 0 still due");
    assert.equal(w.server.requests.length, 3);
    assert.ok(w.server.requests.every((r) => r.headers.authorization === "Bearer ghp_token"));
    assert.equal((await runJobOnce(job, w.ctx)).detail, "already done", "once an hour");

    // A day later: fast gained 100, slow 5.
    w.clock.advance(86_400_000);
    counts["lab/fast"] = 1100;
    counts["lab/slow"] = 5005;
    const second = await runJobOnce(job, w.ctx);
    assert.match(second.detail, /^2 repositories checked: 2 counts, 0 unchanged \(304\), 0 gone/, "the gone repository is not asked again");
    assert.deepEqual((await w.community.starHistory("lab/fast")).map((h) => [h.day, h.stars]), [["2026-01-04", 1000], ["2026-01-05", 1100]]);
    const activity = await w.community.activityOf([fast.id, slow.id, gone.id]);
    const ranked = rankTrending([slow, fast, gone], { activity, now: "2026-01-06T00:00:00.000Z", lastDay: DAY });
    assert.deepEqual(ranked.map((r) => r.id), [fast.id, slow.id, gone.id]);
    assert.ok(ranked[0]!.parts.stars! > ranked[1]!.parts.stars! && ranked[1]!.parts.stars! > 0, JSON.stringify(ranked.map((r) => r.parts)));

    // Another day, nothing changed: conditional requests, 304, the count kept and a history row for the day.
    w.clock.advance(86_400_000);
    const before = w.server.requests.length;
    const third = await runJobOnce(job, w.ctx);
    assert.match(third.detail, /^2 repositories checked: 0 counts, 2 unchanged \(304\)/);
    const conditional = w.server.requests.slice(before);
    assert.deepEqual(conditional.map((r) => r.headers["if-none-match"]).sort(), ['W/"1100"', 'W/"5005"']);
    const state = (await w.community.repoStates(["lab/fast"])).get("lab/fast")!;
    assert.deepEqual([state.stars, state.fullName, state.status], [1100, "Lab/fast", "ok"]);
    assert.deepEqual((await w.community.starHistory("lab/fast")).map((h) => [h.day, h.stars]), [["2026-01-04", 1000], ["2026-01-05", 1100], ["2026-01-06", 1100]]);
    assert.equal((await w.community.repoStates(["lab/gone"])).get("lab/gone")!.status, "gone");
  } finally {
    await w.close();
  }
});

test("stars job: X-RateLimit-Remaining 0 stops the run and no run starts before X-RateLimit-Reset; then it resumes", async () => {
  const papers = Array.from({ length: 5 }, (_, i) => paperLike(i + 1, { announced: DAY, codeLinks: github(`org/r${i + 1}`) }));
  const counts = Object.fromEntries(papers.map((_, i) => [`org/r${i + 1}`, 10 * (i + 1)]));
  let remaining = 3;
  const reset = Date.parse(`${DAY}T22:40:00Z`);
  const answer = countsServer(counts, () => Math.max(0, --remaining));
  const w = await openWorld(papers, (repo, inm) => {
    const r = answer(repo, inm);
    return { ...r, headers: { ...r.headers, "x-ratelimit-reset": String(reset / 1000) } };
  });
  try {
    const job = starsJob();
    const first = await runJobOnce(job, w.ctx);
    assert.equal(first.detail, `3 repositories checked: 3 counts, 0 unchanged (304), 0 gone, 0 blocked; 2 still due; GitHub's rate limit is spent, paused until ${new Date(reset).toISOString()}`);
    assert.equal(w.server.requests.length, 3, "no request after remaining reached 0");
    w.clock.set(`${DAY}T22:30:00Z`);
    assert.deepEqual(await runJobOnce(job, w.ctx), { job: "github.stars", period: null, status: "skipped", detail: "nothing due" });
    assert.equal(w.server.requests.length, 3);
    w.clock.set(`${DAY}T22:41:00Z`);
    remaining = 60;
    const resumed = await runJobOnce(job, w.ctx);
    assert.equal(resumed.period, "2026-01-04T22:40", "a new period starts at the reset");
    assert.match(resumed.detail, /^2 repositories checked: 2 counts/, "the two never checked, not the three checked 40 minutes ago");
    const asked = w.server.requests.map((r) => r.url);
    assert.deepEqual([...asked].sort(), papers.map((_, i) => `/repos/org/r${i + 1}`), "each repository asked once");
  } finally {
    await w.close();
  }
});

test("stars job: a primary-limit 403 pauses until its reset; a secondary limit is waited out within the run", async () => {
  const papers = [paperLike(1, { announced: DAY, codeLinks: github("a/one") }), paperLike(2, { announced: DAY, codeLinks: github("a/two") })];
  let calls = 0;
  const w = await openWorld(papers, () => {
    calls++;
    if (calls === 1) return githubReplay("secondary-limit-403", { headers: { "retry-after": "30" } });
    if (calls === 2) return githubReplay("repo-200", { stars: 7, fullName: "a/one" });
    return githubReplay("primary-limit-403");
  });
  try {
    const sleepsBefore = w.clock.sleeps.length;
    const run = await runJobOnce(starsJob(), w.ctx);
    assert.equal(run.detail, "1 repositories checked: 1 counts, 0 unchanged (304), 0 gone, 0 blocked; 1 still due; GitHub's rate limit is spent, paused until 2026-01-05T02:30:00.000Z");
    assert.deepEqual(w.clock.sleeps.slice(sleepsBefore), [30_000, 1000]);
    assert.equal(await w.community.githubPausedUntil(), "2026-01-05T02:30:00.000Z");
    assert.equal(await starsJob().period!(w.ctx), null);
  } finally {
    await w.close();
  }
});
