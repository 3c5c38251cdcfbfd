/**
 * The InterestStore contract suite (src/store/interest-types.ts), run on both backends by
 * src/store/sqlite/community-store.test.ts and src/store/postgres/community-store.test.ts.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CommunityStore } from "../../src/store/community-types.js";
import type { InterestStore } from "../../src/store/interest-types.js";
import type { CommunityUnderTest } from "./community-contract.js";

const T0 = "2026-07-01T01:00:00.000Z";
const T1 = "2026-07-01T02:00:00.000Z";
const T2 = "2026-07-01T03:00:00.000Z";

export function runInterestContract(name: string, make: () => Promise<CommunityUnderTest>): void {
  const withStore = async (body: (store: InterestStore, userId: number, community: CommunityStore) => Promise<void>) => {
    const subject = await make();
    try {
      const user = await subject.store.createUser({ email: "ada@example.org", displayName: "Ada", passwordHash: "scrypt$x", now: T0 });
      await body(subject.store.interests, user.id, subject.store);
    } finally {
      await subject.cleanup();
    }
  };

  describe(`InterestStore contract: ${name}`, () => {
    it("follows authors and categories once each, newest first, and unfollows them", () =>
      withStore(async (store, ada) => {
        assert.equal(await store.followInterest(ada, "author", "  Yann   LeCun ", T0), true);
        assert.equal(await store.followInterest(ada, "author", "Yann LeCun", T1), false, "the same author twice");
        assert.equal(await store.followInterest(ada, "category", "cs.LG", T1), true);
        assert.deepEqual(await store.listInterests(ada), [
          { kind: "category", value: "cs.LG", createdAt: T1 },
          { kind: "author", value: "Yann LeCun", createdAt: T0 },
        ]);
        assert.equal(await store.unfollowInterest(ada, "author", "Yann LeCun"), true);
        assert.equal(await store.unfollowInterest(ada, "author", "Yann LeCun"), false);
        assert.deepEqual((await store.listInterests(ada)).map((i) => i.value), ["cs.LG"]);
      }));

    it("refuses an empty or unknown interest with a message naming it", () =>
      withStore(async (store, ada) => {
        await assert.rejects(store.followInterest(ada, "author", "   ", T0), /author must be 1–200 characters/);
        await assert.rejects(store.followInterest(ada, "venue" as "author", "NeurIPS", T0), /interest kind must be author or category, got venue/);
      }));

    it("keeps Not interested per member, newest first, and undoes it", () =>
      withStore(async (store, ada, community) => {
        const bob = await community.createUser({ email: "bob@example.org", displayName: "Bob", passwordHash: "scrypt$y", now: T0 });
        assert.equal(await store.markNotInterested(ada, "2607.00001", T0), true);
        assert.equal(await store.markNotInterested(ada, "2607.00002", T1), true);
        assert.equal(await store.markNotInterested(ada, "2607.00001", T2), false);
        assert.deepEqual(await store.notInterested(ada), ["2607.00002", "2607.00001"]);
        assert.deepEqual(await store.notInterested(bob.id), []);
        assert.equal(await store.undoNotInterested(ada, "2607.00002"), true);
        assert.deepEqual(await store.notInterested(ada), ["2607.00001"]);
      }));

    it("remembers when a paper was first shown, and tells which were first shown in a time range", () =>
      withStore(async (store, ada, community) => {
        const bob = await community.createUser({ email: "bob@example.org", displayName: "Bob", passwordHash: "scrypt$y", now: T0 });
        await store.markSeen(ada, ["2607.00001", "2607.00002", "2607.00001"], T0);
        await store.markSeen(ada, ["2607.00002", "2607.00003"], T2);
        await store.markSeen(bob.id, ["2607.00004"], T0);
        assert.deepEqual([...(await store.seenBetween(ada, T0, T1))].sort(), ["2607.00001", "2607.00002"]);
        assert.deepEqual([...(await store.seenBetween(ada, T1, "9999"))], ["2607.00003"]);
        // Many ids at once (more than one statement's worth).
        const many = Array.from({ length: 1200 }, (_, i) => `2607.${String(10_000 + i)}`);
        await store.markSeen(ada, many, T1);
        assert.equal((await store.seenBetween(ada, T1, T2)).size, 1200);
      }));
  });
}
