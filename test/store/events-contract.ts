/**
 * The events-and-follows contract: `Store.upsertPapers` records paper events, `Store.paperEvents`
 * and the CommunityStore's follow methods read them. Run on both backends, each over one database
 * holding both stores, by src/store/sqlite/events-store.test.ts and src/store/postgres/events-store.test.ts.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Paper } from "../../src/core/paper.js";
import type { CommunityStore } from "../../src/store/community-types.js";
import type { PaperEvent } from "../../src/store/event-types.js";
import type { Store } from "../../src/store/types.js";
import { paperLike, testId } from "./fixture-papers.js";

export interface EventStoresUnderTest {
  store: Store;
  community: CommunityStore;
  cleanup: () => Promise<void>;
}

const HASH = "scrypt$16384$8$1$c2FsdA$aGFzaA";
const T0 = "2026-01-01T00:00:00.000Z";

/** A paper at version 1 with no DOI, journal-ref, comments or code links. */
const plain = (n: number): Paper => paperLike(n, {
  version: 1, versions: [{ version: 1, date: "2026-01-05T10:00:00.000Z", size: "200kb" }],
  doi: null, journalRef: null, comments: null, codeLinks: [], announced: "2026-01-06",
});
const brief = (events: PaperEvent[]) => events.map((e) => `${e.kind}:${e.detail}`);

/** An ISO time strictly before anything recorded after it returns (times have millisecond steps). */
async function mark(): Promise<string> {
  const at = new Date().toISOString();
  while (new Date().toISOString() === at) await new Promise((resolve) => setTimeout(resolve, 1));
  return at;
}

export function runEventsContract(name: string, make: () => Promise<EventStoresUnderTest>): void {
  const withStores = async (body: (s: EventStoresUnderTest) => Promise<void>) => {
    const subject = await make();
    try {
      await body(subject);
    } finally {
      await subject.cleanup();
    }
  };

  describe(`paper events and follows: ${name}`, () => {
    it("a first insert makes no event, even of a withdrawn paper with a DOI and code", () =>
      withStores(async ({ store }) => {
        const rich = { ...plain(1), doi: "10.1/x", journalRef: "J. 1", comments: "This paper has been withdrawn", codeLinks: [{ kind: "github" as const, url: "https://github.com/a/b" }] };
        assert.deepEqual(await store.upsertPapers([plain(0), rich]), ["inserted", "inserted"]);
        assert.deepEqual(await store.paperEvents([testId(0), testId(1)]), []);
      }));

    it("records each kind of change with its date, once; re-importing adds nothing", () =>
      withStores(async ({ store }) => {
        const before = new Date().toISOString();
        await store.upsertPapers([plain(0)]);
        const v3: Paper = {
          ...plain(0),
          version: 3,
          versions: [
            { version: 1, date: "2026-01-05T10:00:00.000Z", size: "200kb" },
            { version: 2, date: "2026-02-01T09:00:00.000Z", size: "210kb" },
            { version: 3, date: "2026-03-02T08:00:00.000Z", size: "220kb" },
          ],
          doi: "10.1103/PhysRevD.1.1",
          codeLinks: [{ kind: "github", url: "https://github.com/ada/engine" }],
        };
        assert.deepEqual(await store.upsertPapers([v3]), ["updated"]);
        const events = await store.paperEvents([testId(0)]);
        assert.deepEqual(brief(events), ["version:v3", "doi:10.1103/PhysRevD.1.1", "code:https://github.com/ada/engine", "version:v2"]);
        assert.equal(events[0]!.date, "2026-03-02T08:00:00.000Z", "a version's event has the version's date");
        assert.equal(events[1]!.date, "2026-03-02T08:00:00.000Z", "what comes with a new version dates from it");
        assert.ok(events.every((e) => e.recordedAt >= before && e.paperId === testId(0)));

        // Same version, new journal-ref (arXiv lets authors add one without a new version): dated when seen.
        const seenFrom = await mark();
        await store.upsertPapers([{ ...v3, journalRef: "Phys. Rev. D 1, 1 (2026)" }]);
        const journal = (await store.paperEvents([testId(0)], { since: seenFrom }));
        assert.deepEqual(brief(journal), ["journal_ref:Phys. Rev. D 1, 1 (2026)"]);
        assert.ok(journal[0]!.date >= seenFrom && journal[0]!.date === journal[0]!.recordedAt);

        // Withdrawal: a v4 of 1kb whose comments say so.
        const withdrawn: Paper = {
          ...v3, journalRef: "Phys. Rev. D 1, 1 (2026)", version: 4, comments: "This paper has been withdrawn by the author due to an error",
          versions: [...v3.versions, { version: 4, date: "2026-04-01T00:00:00.000Z", size: "1kb" }],
        };
        const withdrawnFrom = await mark();
        await store.upsertPapers([withdrawn]);
        assert.deepEqual(brief(await store.paperEvents([testId(0)], { since: withdrawnFrom })), ["version:v4", "withdrawn:v4"]);
        assert.equal((await store.paperEvents([testId(0)], { limit: 2 })).length, 2);
        const count = (await store.paperEvents([testId(0)])).length;
        assert.equal(count, 7);

        // Re-importing every state again, in any order: unchanged or older, and no new event.
        await store.upsertPapers([plain(0), v3, withdrawn]);
        await store.upsertPapers([withdrawn]);
        assert.equal((await store.paperEvents([testId(0)])).length, count);
        // A source that lacks the DOI and a later one that has it again do not repeat the event.
        await store.upsertPapers([{ ...withdrawn, doi: null }]);
        await store.upsertPapers([withdrawn]);
        assert.equal((await store.paperEvents([testId(0)])).length, count);
      }));

    it("a withdrawal shown only by a 0kb version is one too; an older version brings none", () =>
      withStores(async ({ store }) => {
        await store.upsertPapers([plain(2)]);
        const v2 = { ...plain(2), version: 2, versions: [...plain(2).versions, { version: 2, date: "2026-02-02T00:00:00.000Z", size: "0kb" }] };
        await store.upsertPapers([v2]);
        assert.deepEqual(brief(await store.paperEvents([testId(2)])), ["version:v2", "withdrawn:v2"]);
        await store.upsertPapers([{ ...plain(2), announced: "2026-01-01", doi: "10.9/old" }]);
        assert.equal((await store.paperEvents([testId(2)])).length, 2, "an older version moves only the day");
      }));

    it("members follow and unfollow papers; settings default off; the feed generation rises", () =>
      withStores(async ({ community }) => {
        const ada = await community.createUser({ email: "ada@example.org", displayName: "Ada", passwordHash: HASH, now: T0 });
        const bob = await community.createUser({ email: "bob@example.org", displayName: "Bob", passwordHash: HASH, now: T0 });
        assert.equal(await community.follow(ada.id, testId(0), T0), true);
        assert.equal(await community.follow(ada.id, testId(0), T0), false, "once");
        await community.follow(ada.id, testId(1), "2026-01-02T00:00:00.000Z");
        await community.follow(bob.id, testId(0), T0);
        assert.equal(await community.isFollowing(ada.id, testId(0)), true);
        assert.equal(await community.isFollowing(bob.id, testId(1)), false);
        assert.deepEqual(await community.followedPapers(ada.id), [
          { paperId: testId(1), followedAt: "2026-01-02T00:00:00.000Z" },
          { paperId: testId(0), followedAt: T0 },
        ]);
        assert.deepEqual(await community.followedPapers(ada.id, { limit: 1, offset: 1 }), [{ paperId: testId(0), followedAt: T0 }]);
        assert.equal(await community.countFollowed(ada.id), 2);
        assert.deepEqual(await community.followers(testId(0)), [ada.id, bob.id].sort((a, b) => a - b));
        assert.equal(await community.unfollow(bob.id, testId(0)), true);
        assert.equal(await community.unfollow(bob.id, testId(0)), false);
        assert.deepEqual(await community.followers(testId(0)), [ada.id]);

        assert.deepEqual(await community.followPrefs(ada.id), { followOnActivity: false, feedGeneration: 0 });
        assert.deepEqual(await community.setFollowOnActivity(ada.id, true), { followOnActivity: true, feedGeneration: 0 });
        assert.equal(await community.nextFeedGeneration(ada.id), 1);
        assert.equal(await community.nextFeedGeneration(ada.id), 2);
        assert.deepEqual(await community.followPrefs(ada.id), { followOnActivity: true, feedGeneration: 2 });
        assert.equal(await community.nextFeedGeneration(bob.id), 1);
        assert.deepEqual(await community.followPrefs(bob.id), { followOnActivity: false, feedGeneration: 1 });
      }));

    it("a member's event list: followed papers only, newest first, paged, since a time", () =>
      withStores(async ({ store, community }) => {
        const ada = await community.createUser({ email: "ada@example.org", displayName: "Ada", passwordHash: HASH, now: T0 });
        await store.upsertPapers([plain(0), plain(1), plain(2)]);
        await community.follow(ada.id, testId(0), T0);
        await community.follow(ada.id, testId(1), T0);
        const version = (n: number, v: number, date: string): Paper => ({
          ...plain(n), version: v, versions: [...plain(n).versions, { version: v, date, size: "10kb" }],
        });
        await store.upsertPapers([version(0, 2, "2026-02-01T00:00:00.000Z"), version(2, 2, "2026-02-03T00:00:00.000Z")]);
        const since = await mark();
        await store.upsertPapers([version(1, 2, "2026-02-02T00:00:00.000Z")]);
        const all = await community.followedEvents(ada.id);
        assert.deepEqual(all.map((e) => `${e.paperId} ${e.detail}`), [`${testId(1)} v2`, `${testId(0)} v2`], "the unfollowed paper's event is left out");
        assert.deepEqual((await community.followedEvents(ada.id, { limit: 1, offset: 1 })).map((e) => e.paperId), [testId(0)]);
        assert.deepEqual((await community.followedEvents(ada.id, { since })).map((e) => e.paperId), [testId(1)]);
        // afterFollow: events recorded before the member followed do not count.
        const bob = await community.createUser({ email: "bob@example.org", displayName: "Bob", passwordHash: HASH, now: T0 });
        await community.follow(bob.id, testId(0), new Date(Date.now() + 60_000).toISOString());
        assert.equal((await community.followedEvents(bob.id)).length, 1);
        assert.equal((await community.followedEvents(bob.id, { afterFollow: true })).length, 0);
        assert.deepEqual(await community.followedEvents(9999), []);
      }));
  });
}
