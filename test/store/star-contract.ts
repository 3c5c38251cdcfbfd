/**
 * The StarStore part of the CommunityStore contract (src/store/star-types.ts): repositories,
 * paper links, the per-day star history and the star activity trending reads. Run on both
 * backends by src/store/{sqlite,postgres}/community-store.test.ts.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PaperfeedError } from "../../src/core/errors.js";
import type { CommunityStore } from "../../src/store/community-types.js";
import type { CommunityUnderTest } from "./community-contract.js";

const isError = (id: string) => (e: unknown) => e instanceof PaperfeedError && e.id === id;
const at = (day: string, hour = 10) => `${day}T${String(hour).padStart(2, "0")}:00:00.000Z`;

export function runStarContract(name: string, make: () => Promise<CommunityUnderTest>): void {
  const withStore = async (body: (store: CommunityStore) => Promise<void>) => {
    const subject = await make();
    try {
      await body(subject.store);
    } finally {
      await subject.cleanup();
    }
  };

  describe(`StarStore contract: ${name}`, () => {
    it("links papers to repositories, replacing a paper's set; new repositories start unchecked", () =>
      withStore(async (store) => {
        await store.linkPaperRepos([{ paperId: "p1", repos: ["A/x", "b/y"] }, { paperId: "p2", repos: ["a/x"] }]);
        const states = await store.repoStates(["a/x", "B/Y", "c/z"]);
        assert.deepEqual([...states.keys()].sort(), ["a/x", "b/y"]);
        assert.deepEqual(states.get("a/x"), { repo: "a/x", fullName: null, status: null, stars: null, etag: null, checkedAt: null });
        await store.linkPaperRepos([{ paperId: "p1", repos: ["b/y"] }]);
        // p1 no longer links a/x: a count for a/x moves p2 only.
        await store.recordRepoCheck("a/x", { kind: "ok", stars: 5, fullName: "A/x", etag: 'W/"1"' }, at("2024-01-01"));
        await store.recordRepoCheck("a/x", { kind: "ok", stars: 15, fullName: "A/x", etag: 'W/"2"' }, at("2024-01-02"));
        const activity = await store.activityOf(["p1", "p2"]);
        assert.equal(activity.has("p1"), false);
        assert.equal(activity.get("p2")?.stars, 15);
        await assert.rejects(store.linkPaperRepos([{ paperId: "p3", repos: ["not a repo"] }]), isError("invalid_repo"));
      }));

    it("a check stores count, ETag and canonical name; one history row per day, the day's last observation", () =>
      withStore(async (store) => {
        await store.recordRepoCheck("a/x", { kind: "ok", stars: 10, fullName: "Alpha/X", etag: 'W/"e1"' }, at("2024-01-01", 9));
        await store.recordRepoCheck("a/x", { kind: "ok", stars: 12, fullName: "Alpha/X", etag: 'W/"e2"' }, at("2024-01-01", 18));
        await store.recordRepoCheck("a/x", { kind: "ok", stars: 11, fullName: "Alpha/X", etag: 'W/"e0"' }, at("2024-01-01", 12)); // late, older: history keeps 18:00
        await store.recordRepoCheck("a/x", { kind: "not_modified" }, at("2024-01-02"));
        const state = (await store.repoStates(["a/x"])).get("a/x")!;
        assert.deepEqual(state, { repo: "a/x", fullName: "Alpha/X", status: "ok", stars: 11, etag: 'W/"e0"', checkedAt: at("2024-01-02") });
        assert.deepEqual(await store.starHistory("A/X"), [
          { day: "2024-01-01", stars: 12, observedAt: at("2024-01-01", 18) },
          { day: "2024-01-02", stars: 11, observedAt: at("2024-01-02") },
        ]);
        await assert.rejects(store.recordRepoCheck("a/x", { kind: "ok", stars: -1, fullName: "a/x", etag: null }, at("2024-01-03")), isError("invalid_stars"));
        await assert.rejects(store.recordRepoCheck("a/x", { kind: "not_modified" }, "yesterday"), isError("invalid_time"));
      }));

    it("gone and blocked repositories keep their history and leave the stale list; never-checked come first", () =>
      withStore(async (store) => {
        await store.linkPaperRepos([{ paperId: "p1", repos: ["a/old", "a/new", "a/gone", "a/blocked"] }]);
        await store.recordRepoCheck("a/old", { kind: "ok", stars: 1, fullName: "a/old", etag: null }, at("2024-01-01"));
        await store.recordRepoCheck("a/gone", { kind: "ok", stars: 3, fullName: "a/gone", etag: 'W/"g"' }, at("2024-01-01"));
        await store.recordRepoCheck("a/gone", { kind: "gone" }, at("2024-01-02"));
        await store.recordRepoCheck("a/blocked", { kind: "blocked" }, at("2024-01-02"));
        assert.deepEqual(await store.staleRepos(at("2024-01-03"), 10), ["a/new", "a/old"]);
        assert.deepEqual(await store.staleRepos(at("2024-01-01"), 10), ["a/new"], "checked at or after `before` is not stale");
        assert.deepEqual(await store.staleRepos(at("2024-01-03"), 1), ["a/new"]);
        const gone = (await store.repoStates(["a/gone"])).get("a/gone")!;
        assert.deepEqual([gone.status, gone.stars, gone.etag], ["gone", 3, null]);
        assert.equal((await store.starHistory("a/gone")).length, 1);
      }));

    it("paper star activity reads the window: latest count and the earliest within 7 days, best repository", () =>
      withStore(async (store) => {
        await store.linkPaperRepos([{ paperId: "fast", repos: ["f/a", "f/b"] }, { paperId: "slow", repos: ["s/a"] }]);
        const series: Array<[string, number[]]> = [["f/a", [100, 110, 120]], ["f/b", [0, 100, 200]], ["s/a", [1000, 1005, 1010]]];
        for (const [repo, counts] of series)
          for (const [i, stars] of counts.entries()) await store.recordRepoCheck(repo, { kind: "ok", stars, fullName: repo, etag: null }, at(`2024-01-0${i + 1}`));
        const activity = await store.activityOf(["fast", "slow"]);
        const fast = activity.get("fast")!;
        assert.deepEqual([fast.stars, fast.starsAt, fast.prevStars, fast.prevStarsAt], [200, at("2024-01-03"), 0, at("2024-01-01")], "f/b gains most");
        const slow = activity.get("slow")!;
        assert.deepEqual([slow.stars, slow.prevStars], [1010, 1000]);
        // On the 9th the window reaches back 7 days, to the 2nd: the 1st's observation drops out.
        await store.recordRepoCheck("s/a", { kind: "ok", stars: 1100, fullName: "s/a", etag: null }, at("2024-01-09"));
        const later = (await store.activityOf(["slow"])).get("slow")!;
        assert.deepEqual([later.stars, later.prevStars, later.prevStarsAt], [1100, 1005, at("2024-01-02")]);
        await store.recordRepoCheck("s/a", { kind: "ok", stars: 1200, fullName: "s/a", etag: null }, at("2024-01-20"));
        const alone = (await store.activityOf(["slow"])).get("slow")!;
        assert.deepEqual([alone.stars, alone.prevStars], [1200, null], "one observation in the window tells no velocity");
      }));

    it("stars make a paper a trending candidate only when they grow", () =>
      withStore(async (store) => {
        await store.linkPaperRepos([{ paperId: "p1", repos: ["a/x"] }]);
        await store.recordRepoCheck("a/x", { kind: "ok", stars: 50, fullName: "a/x", etag: null }, at("2024-01-01"));
        assert.deepEqual(await store.activeSince(at("2023-12-01")), [], "a first count is no activity");
        await store.recordRepoCheck("a/x", { kind: "not_modified" }, at("2024-01-02"));
        assert.deepEqual(await store.activeSince(at("2023-12-01")), []);
        await store.recordRepoCheck("a/x", { kind: "ok", stars: 60, fullName: "a/x", etag: null }, at("2024-01-03"));
        assert.deepEqual((await store.activeSince(at("2024-01-03"))).map((a) => a.paperId), ["p1"]);
      }));

    it("remembers until when GitHub's rate limit pauses the client", () =>
      withStore(async (store) => {
        assert.equal(await store.githubPausedUntil(), null);
        await store.setGithubPausedUntil("2024-01-01T10:30:00Z");
        assert.equal(await store.githubPausedUntil(), "2024-01-01T10:30:00.000Z");
        await store.setGithubPausedUntil(null);
        assert.equal(await store.githubPausedUntil(), null);
      }));
  });
}
