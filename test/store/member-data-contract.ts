/**
 * The member-data part of the CommunityStore contract (src/store/member-data-types.ts): a new
 * address, the export of everything about one member, and removing a member. Run by
 * community-contract.ts on both backends.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { PaperfeedError } from "../../src/core/errors.js";
import type { CommunityStore } from "../../src/store/community-types.js";
import { DELETED_MEMBER_NAME } from "../../src/store/member-data-types.js";

const T0 = "2024-01-15T10:00:00.000Z";
const T1 = "2024-01-15T11:00:00.000Z";
const T2 = "2024-01-15T12:00:00.000Z";
const HASH = "scrypt$16384$8$1$c2FsdA$aGFzaA";
const isError = (id: string) => (e: unknown) => e instanceof PaperfeedError && e.id === id;

export function memberDataCases(withStore: (body: (store: CommunityStore) => Promise<void>) => Promise<void>): void {
  const member = (store: CommunityStore, email: string) => store.createUser({ email, displayName: email.split("@")[0]!, passwordHash: HASH, now: T0 });

  /** Ada with one of everything; Bob votes and replies on the same paper. */
  async function populated(store: CommunityStore) {
    const ada = await member(store, "ada@example.org");
    const bob = await member(store, "bob@example.org");
    await store.setVote(ada.id, "p1", true, T0);
    await store.setVote(bob.id, "p1", true, T0);
    const comment = await store.addComment({ paperId: "p1", userId: ada.id, parentId: null, body: "Nice $x^2$", now: T0 });
    await store.addComment({ paperId: "p1", userId: bob.id, parentId: comment.id, body: "Agreed", now: T1 });
    const reading = await store.createCollection({ userId: ada.id, name: "Reading", isPublic: false, now: T0 });
    await store.addToCollection(reading.id, "p2", "later", T0);
    await store.addDailyEntry({ day: "2024-01-15", paperId: "p3", userId: ada.id, now: T0 });
    await store.follow(ada.id, "p1", T0);
    await store.setFollowOnActivity(ada.id, true);
    await store.interests.followInterest(ada.id, "author", "Grace Hopper", T0);
    await store.interests.markNotInterested(ada.id, "p9", T0);
    await store.createSession({ tokenHash: "ada-session", userId: ada.id, now: T0, expiresAt: "2099-01-01T00:00:00.000Z" });
    return { ada, bob, comment, reading };
  }

  it("member data: a new address is verified, lower-cased, and refused when another account has it", () =>
    withStore(async (store) => {
      const ada = await member(store, "ada@example.org");
      await member(store, "bob@example.org");
      const moved = await store.changeEmail(ada.id, " Ada@New.example.org ", T1);
      assert.deepEqual([moved?.email, moved?.emailVerifiedAt], ["ada@new.example.org", T1]);
      await assert.rejects(store.changeEmail(ada.id, "BOB@example.org", T1), isError("email_taken"));
      await assert.rejects(store.changeEmail(ada.id, "not an address", T1), isError("invalid_email"));
      assert.equal((await store.changeEmail(ada.id, "ada@new.example.org", T2))?.emailVerifiedAt, T2, "the same address again is fine");
      assert.equal(await store.changeEmail(9999, "x@example.org", T1), null);
    }));

  it("member data: the export holds everything of the member and nothing of others", () =>
    withStore(async (store) => {
      const { ada, comment, reading } = await populated(store);
      const data = (await store.memberData(ada.id))!;
      assert.equal(data.account.email, "ada@example.org");
      assert.equal(JSON.stringify(data).includes(HASH), false, "no password hash");
      assert.deepEqual(data.votes, [{ paperId: "p1", createdAt: T0 }]);
      assert.deepEqual(data.comments, [{ id: comment.id, paperId: "p1", parentId: null, body: "Nice $x^2$", createdAt: T0, editedAt: null, deleted: false }]);
      assert.deepEqual(data.collections, [{ id: reading.id, name: "Reading", isPublic: false, createdAt: T0, items: [{ paperId: "p2", note: "later", addedAt: T0 }] }]);
      assert.deepEqual(data.submissions, [{ day: "2024-01-15", paperId: "p3", createdAt: T0 }]);
      assert.deepEqual(data.follows, [{ paperId: "p1", createdAt: T0 }]);
      assert.equal(data.followOnActivity, true);
      assert.deepEqual(data.interests, [{ kind: "author", value: "Grace Hopper", createdAt: T0 }]);
      assert.deepEqual(data.notInterested, [{ paperId: "p9", createdAt: T0 }]);
      assert.deepEqual(data.apiTokens, [], "none made here; the HTTP tests cover them");
      assert.equal(await store.memberData(9999), null);
    }));

  it("member data: deleting a member takes back their votes and collections and keeps others' threads", () =>
    withStore(async (store) => {
      const { ada, bob, comment, reading } = await populated(store);
      assert.equal((await store.activityOf(["p1"])).get("p1")?.votes, 2);
      const members = await store.countUsers();
      assert.equal(await store.deleteMember(ada.id, T2), true);
      assert.equal(await store.countUsers(), members - 1, "a tombstone is no member (the first sign-up of an emptied instance is its admin)");
      assert.equal(await store.deleteMember(ada.id, T2), false, "once");
      const activity = await store.activityOf(["p1", "p2"]);
      assert.equal(activity.get("p1")?.votes, 1, "only Bob's vote counts");
      assert.equal(activity.get("p2")?.collectionAdds, 0);
      assert.equal(await store.getCollection(reading.id), null);
      assert.equal(await store.sessionUser("ada-session", T2), null, "sessions ended");
      assert.equal(await store.credentials("ada@example.org"), null, "the address is free");
      assert.equal(await store.isFollowing(ada.id, "p1"), false);
      assert.deepEqual(await store.interests.listInterests(ada.id), []);
      const thread = await store.listComments("p1");
      assert.deepEqual(thread.map((c) => [c.id === comment.id, c.authorName]), [[true, DELETED_MEMBER_NAME], [false, "bob"]]);
      assert.equal((await store.listDaily("2024-01-15"))[0]?.submitterName, DELETED_MEMBER_NAME);
      const tombstone = (await store.getUser(ada.id))!;
      assert.equal(tombstone.displayName, DELETED_MEMBER_NAME);
      assert.match(tombstone.email, /\.invalid$/);
      assert.equal((await store.memberData(bob.id))!.votes.length, 1, "Bob keeps his");
      // The address can make a new account.
      assert.equal((await member(store, "ada@example.org")).email, "ada@example.org");
    }));
}
