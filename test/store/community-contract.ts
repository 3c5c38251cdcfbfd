/**
 * The CommunityStore contract suite (src/store/community-types.ts), run on both backends by
 * src/store/sqlite/community-store.test.ts and src/store/postgres/community-store.test.ts.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PaperfeedError } from "../../src/core/errors.js";
import type { CommunityStore, User } from "../../src/store/community-types.js";
import { memberDataCases } from "./member-data-contract.js";

export interface CommunityUnderTest {
  store: CommunityStore;
  cleanup: () => Promise<void>;
}

const T0 = "2024-01-15T10:00:00.000Z";
const T1 = "2024-01-15T11:00:00.000Z";
const DAY_LATER = "2024-01-16T10:00:00.000Z";
const HASH = "scrypt$16384$8$1$c2FsdA$aGFzaA";
const isError = (id: string) => (e: unknown) => e instanceof PaperfeedError && e.id === id;

export function runCommunityContract(name: string, make: () => Promise<CommunityUnderTest>): void {
  const withStore = async (body: (store: CommunityStore) => Promise<void>) => {
    const subject = await make();
    try {
      await body(subject.store);
    } finally {
      await subject.cleanup();
    }
  };
  const member = (store: CommunityStore, email: string, role: User["role"] = "member") =>
    store.createUser({ email, displayName: email.split("@")[0]!, passwordHash: HASH, role, now: T0 });

  describe(`CommunityStore contract: ${name}`, () => {
    it("creates users once per address; credentials carry the hash, other reads do not", () =>
      withStore(async (store) => {
        const ada = await store.createUser({ email: " Ada@Example.org", displayName: "  Ada   L. ", passwordHash: HASH, now: T0 });
        assert.deepEqual(ada, { id: ada.id, email: "ada@example.org", displayName: "Ada L.", username: "ada-l", role: "member", emailVerifiedAt: null, createdAt: T0 });
        await assert.rejects(member(store, "ada@example.org"), isError("email_taken"));
        await assert.rejects(store.createUser({ email: "x@example.org", displayName: "", passwordHash: HASH, now: T0 }), isError("invalid_display_name"));
        await assert.rejects(member(store, "y@example.org", "root" as "admin"), isError("invalid_role"));
        assert.equal((await store.credentials("ADA@example.org"))?.passwordHash, HASH);
        assert.equal("passwordHash" in (await store.getUser(ada.id))!, false);
        assert.equal(await store.getUserByEmail("nobody@example.org"), null);
        const verified = await store.updateUser(ada.id, { emailVerifiedAt: T1, role: "curator", displayName: "Ada" });
        assert.deepEqual([verified?.emailVerifiedAt, verified?.role, verified?.displayName], [T1, "curator", "Ada"]);
        assert.equal((await store.updateUser(ada.id, { emailVerifiedAt: DAY_LATER }))?.emailVerifiedAt, T1, "verified once");
        assert.equal(await store.countUsers(), 1);
        assert.equal(await store.countUsers("admin"), 0);
        assert.equal(await store.updateUser(9999, { role: "admin" }), null);
      }));

    it("gives every account a URL-safe username from its display name, unique and kept when the name changes", () =>
      withStore(async (store) => {
        const made = async (email: string, displayName: string) => (await store.createUser({ email, displayName, passwordHash: HASH, now: T0 })).username;
        assert.equal(await made("a1@example.org", "Ada Lovelace"), "ada-lovelace");
        assert.equal(await made("a2@example.org", "ada  LOVELACE!"), "ada-lovelace-2");
        assert.equal(await made("a3@example.org", "Ada Lovelace"), "ada-lovelace-3");
        assert.equal(await made("e@example.org", "Émile Çeşme"), "emile-cesme");
        assert.equal(await made("l@example.org", "李雷"), "member", "nothing URL-safe left");
        assert.equal(await made("m@example.org", "—"), "member-2");
        const long = await made("x@example.org", "A very long display name that goes on and on");
        assert.match(long, /^[a-z0-9](?:[a-z0-9-]{0,28}[a-z0-9])?$/);
        const ada = (await store.getUserByEmail("a1@example.org"))!;
        assert.equal((await store.updateUser(ada.id, { displayName: "Countess" }))?.username, "ada-lovelace", "links stay valid");
        assert.equal((await store.getUser(ada.id))?.username, "ada-lovelace");
      }));

    it("sessions live until they expire or are deleted", () =>
      withStore(async (store) => {
        const u = await member(store, "s@example.org");
        await store.createSession({ tokenHash: "h1", userId: u.id, now: T0, expiresAt: DAY_LATER });
        await store.createSession({ tokenHash: "h2", userId: u.id, now: T0, expiresAt: DAY_LATER });
        assert.equal((await store.sessionUser("h1", T1))?.id, u.id);
        assert.equal(await store.sessionUser("h1", DAY_LATER), null, "expired");
        assert.equal(await store.sessionUser("nope", T1), null);
        await store.deleteSession("h1");
        assert.equal(await store.sessionUser("h1", T1), null);
        await store.deleteUserSessions(u.id);
        assert.equal(await store.sessionUser("h2", T1), null);
      }));

    it("email tokens work once, for their purpose, before they expire", () =>
      withStore(async (store) => {
        const u = await member(store, "t@example.org");
        await store.createEmailToken({ tokenHash: "v", userId: u.id, purpose: "verify", now: T0, expiresAt: DAY_LATER });
        await store.createEmailToken({ tokenHash: "old", userId: u.id, purpose: "reset", now: T0, expiresAt: T1 });
        assert.equal(await store.consumeEmailToken("v", "reset", T0), null, "wrong purpose");
        assert.equal(await store.consumeEmailToken("v", "verify", T0), u.id);
        assert.equal(await store.consumeEmailToken("v", "verify", T0), null, "used");
        assert.equal(await store.consumeEmailToken("old", "reset", T1), null, "expired");
      }));

    it("rate limits count per key in fixed windows", () =>
      withStore(async (store) => {
        const hits = [];
        for (let i = 0; i < 4; i++) hits.push(await store.hitRateLimit("signin:a", T0, 60_000, 3));
        assert.deepEqual(hits.map((h) => [h.allowed, h.count]), [[true, 1], [true, 2], [true, 3], [false, 4]]);
        assert.equal(hits[0]!.resetAt, "2024-01-15T10:01:00.000Z");
        assert.equal((await store.hitRateLimit("signin:b", T0, 60_000, 3)).count, 1, "other key");
        assert.deepEqual(await store.peekRateLimit("signin:a", T0, 60_000, 3), { allowed: false, count: 4, resetAt: "2024-01-15T10:01:00.000Z" }, "a peek counts nothing");
        assert.equal((await store.peekRateLimit("signin:c", T0, 60_000, 3)).allowed, true);
        assert.deepEqual(await store.hitRateLimit("signin:a", "2024-01-15T10:01:00.000Z", 60_000, 3), { allowed: true, count: 1, resetAt: "2024-01-15T10:02:00.000Z" });
      }));

    it("settings have defaults, change, and refuse bad values", () =>
      withStore(async (store) => {
        assert.deepEqual(await store.settings(), { submissions: "members", dailyCap: 3 });
        assert.deepEqual(await store.updateSettings({ submissions: "curators" }), { submissions: "curators", dailyCap: 3 });
        await assert.rejects(store.updateSettings({ dailyCap: -1 }), isError("invalid_setting"));
        await assert.rejects(store.updateSettings({ submissions: "anyone" as "open" }), isError("invalid_setting"));
        assert.equal((await store.settings()).dailyCap, 3);
        assert.equal(await store.secret("csrf"), await store.secret("csrf"));
        assert.notEqual(await store.secret("csrf"), await store.secret("other"));
      }));

    it("daily lists: no duplicates, ordered by upvotes then submission time, with the submitter", () =>
      withStore(async (store) => {
        const a = await member(store, "a@example.org");
        const b = await member(store, "b@example.org");
        assert.equal((await store.addDailyEntry({ day: "2024-01-15", paperId: "2401.00001", userId: a.id, now: T0 })).added, true);
        await store.addDailyEntry({ day: "2024-01-15", paperId: "2401.00002", userId: b.id, now: T1 });
        await store.addDailyEntry({ day: "2024-01-14", paperId: "2401.00003", userId: b.id, now: T1 });
        const again = await store.addDailyEntry({ day: "2024-01-16", paperId: "2401.00001", userId: b.id, now: T1 });
        assert.deepEqual([again.added, again.entry.day, again.entry.submitterName], [false, "2024-01-15", "a"]);
        assert.deepEqual((await store.listDaily("2024-01-15")).map((e) => e.paperId), ["2401.00001", "2401.00002"]);
        await store.setVote(a.id, "2401.00002", true, T1);
        const byPaper = await store.dailyEntriesOf(["2401.00002", "2401.00003", "2401.09999", "2401.00002"]);
        assert.deepEqual([...byPaper].map(([id, e]) => [id, e.day, e.votes, e.submitterName]).sort(), [["2401.00002", "2024-01-15", 1, "b"], ["2401.00003", "2024-01-14", 0, "b"]]);
        assert.equal((await store.dailyEntriesOf([])).size, 0);
        const list = await store.listDaily("2024-01-15");
        assert.deepEqual(list.map((e) => [e.paperId, e.votes, e.submitterName]), [["2401.00002", 1, "b"], ["2401.00001", 0, "a"]]);
        assert.deepEqual(await store.dailyDays(), ["2024-01-15", "2024-01-14"]);
        assert.equal(await store.countSubmissions(b.id, "2024-01-15"), 1);
        assert.deepEqual((await store.userSubmissions(b.id)).map((e) => e.paperId).sort(), ["2401.00002", "2401.00003"]);
        assert.equal(await store.removeDailyEntry("2401.00002"), true);
        assert.equal(await store.removeDailyEntry("2401.00002"), false);
        await assert.rejects(store.addDailyEntry({ day: "15/01/2024", paperId: "x", userId: a.id, now: T0 }), isError("invalid_day"));
      }));

    it("one upvote per member per paper; toggling keeps counts and heat exact", () =>
      withStore(async (store) => {
        const a = await member(store, "a@example.org");
        const b = await member(store, "b@example.org");
        assert.deepEqual(await store.setVote(a.id, "p1", true, T0), { voted: true, votes: 1 });
        assert.deepEqual(await store.setVote(a.id, "p1", true, T0), { voted: true, votes: 1 }, "twice is once");
        assert.deepEqual(await store.setVote(b.id, "p1", true, T0), { voted: true, votes: 2 });
        assert.deepEqual(await store.setVote(b.id, "p1", false, T0), { voted: false, votes: 1 });
        assert.deepEqual(await store.setVote(b.id, "p1", false, T0), { voted: false, votes: 1 }, "un-voting twice");
        assert.deepEqual(await store.setVote(b.id, "p9", false, T0), { voted: false, votes: 0 });
        assert.deepEqual([...(await store.votedPapers(a.id, ["p1", "p2"]))], ["p1"]);
        assert.deepEqual(await store.userVotes(a.id), ["p1"]);
        const activity = (await store.activityOf(["p1", "p2"])).get("p1")!;
        assert.equal(activity.votes, 1);
        assert.ok(Math.abs(activity.voteHeat - 1) < 1e-9, `heat ${activity.voteHeat}`);
        await store.setVote(b.id, "p1", true, DAY_LATER);
        const later = (await store.activityOf(["p1"])).get("p1")!;
        assert.ok(Math.abs(later.voteHeat - 1.5) < 1e-9, `a day-old vote counts half: ${later.voteHeat}`);
        assert.equal(later.heatAt, DAY_LATER);
      }));

    it("comments: one reply level, edit, hide, delete (kept while replies hang under it)", () =>
      withStore(async (store) => {
        const a = await member(store, "a@example.org");
        const top = await store.addComment({ paperId: "p1", userId: a.id, parentId: null, body: " **hi** ", now: T0 });
        assert.deepEqual([top.body, top.authorName, top.parentId, top.deleted], ["**hi**", "a", null, false]);
        const reply = await store.addComment({ paperId: "p1", userId: a.id, parentId: top.id, body: "r1", now: T1 });
        const deeper = await store.addComment({ paperId: "p1", userId: a.id, parentId: reply.id, body: "r2", now: T1 });
        assert.equal(deeper.parentId, top.id, "a reply to a reply joins the thread");
        await assert.rejects(store.addComment({ paperId: "p2", userId: a.id, parentId: top.id, body: "x", now: T1 }), isError("comment_not_found"));
        await assert.rejects(store.addComment({ paperId: "p1", userId: a.id, parentId: null, body: "  ", now: T1 }), isError("invalid_comment"));
        assert.equal((await store.editComment(top.id, "edited", T1))?.editedAt, T1);
        assert.equal((await store.setCommentHidden(reply.id, true, T1))?.hiddenAt, T1);
        assert.equal((await store.activityOf(["p1"])).get("p1")?.comments, 2, "a hidden comment does not count");
        assert.equal((await store.setCommentHidden(reply.id, true, T1))?.hiddenAt, T1);
        assert.equal((await store.activityOf(["p1"])).get("p1")?.comments, 2, "hiding it twice takes it out once");
        assert.equal((await store.setCommentHidden(reply.id, false, T1))?.hiddenAt, null);
        assert.equal((await store.activityOf(["p1"])).get("p1")?.comments, 3, "shown again, it counts again");
        await store.setCommentHidden(deeper.id, true, T1);
        await store.deleteComment(deeper.id, T1);
        assert.equal((await store.activityOf(["p1"])).get("p1")?.comments, 2, "a hidden comment deleted is not taken out twice");
        const again = await store.addComment({ paperId: "p1", userId: a.id, parentId: top.id, body: "r2", now: T1 });
        assert.equal((await store.activityOf(["p1"])).get("p1")?.comments, 3);
        assert.equal(await store.deleteComment(top.id, T1), true);
        const kept = await store.listComments("p1");
        assert.deepEqual(kept.map((c) => [c.id, c.deleted, c.body]), [[top.id, true, ""], [reply.id, false, "r1"], [again.id, false, "r2"]]);
        assert.equal(await store.deleteComment(top.id, T1), false);
        await store.deleteComment(reply.id, T1);
        await store.deleteComment(again.id, T1);
        assert.deepEqual(await store.listComments("p1"), [], "the emptied thread goes too");
        assert.equal((await store.activityOf(["p1"])).get("p1")?.comments, 0);
      }));

    it("collections: unique names per owner, notes, public filter, counts", () =>
      withStore(async (store) => {
        const a = await member(store, "a@example.org");
        const reading = await store.createCollection({ userId: a.id, name: "Reading", isPublic: false, now: T0 });
        const shared = await store.createCollection({ userId: a.id, name: "Shared", isPublic: true, now: T1 });
        await assert.rejects(store.createCollection({ userId: a.id, name: "Reading", isPublic: true, now: T1 }), isError("collection_exists"));
        assert.equal(await store.addToCollection(reading.id, "p1", "first", T0), true);
        assert.equal(await store.addToCollection(reading.id, "p1", "better note", T1), false);
        await store.addToCollection(reading.id, "p2", "", T1);
        assert.deepEqual(await store.collectionItems(reading.id), [
          { paperId: "p2", note: "", addedAt: T1 },
          { paperId: "p1", note: "better note", addedAt: T0 },
        ]);
        assert.deepEqual((await store.listCollections(a.id, false)).map((c) => [c.name, c.items]), [["Shared", 0], ["Reading", 2]]);
        assert.deepEqual((await store.listCollections(a.id, true)).map((c) => c.name), ["Shared"]);
        await assert.rejects(store.updateCollection(shared.id, { name: "Reading" }), isError("collection_exists"));
        assert.equal((await store.updateCollection(reading.id, { isPublic: true }))?.isPublic, true);
        assert.equal((await store.activityOf(["p1"])).get("p1")?.collectionAdds, 1);
        assert.equal(await store.removeFromCollection(reading.id, "p1", T1), true);
        assert.equal((await store.activityOf(["p1"])).get("p1")?.collectionAdds, 0);
        assert.equal(await store.deleteCollection(reading.id, T1), true);
        assert.equal((await store.activityOf(["p2"])).get("p2")?.collectionAdds, 0);
        assert.equal(await store.getCollection(reading.id), null);
      }));

    it("activity: recent papers first; star observations keep the one before", () =>
      withStore(async (store) => {
        const a = await member(store, "a@example.org");
        await store.setVote(a.id, "old", true, T0);
        await store.setVote(a.id, "new", true, DAY_LATER);
        assert.deepEqual((await store.activeSince(T1)).map((x) => x.paperId), ["new"]);
        assert.deepEqual((await store.activeSince(T0)).map((x) => x.paperId), ["new", "old"]);
        await store.recordStars("new", 10, T0);
        await store.recordStars("new", 30, DAY_LATER);
        await store.recordStars("new", 5, T1); // older than the latest: ignored
        const s = (await store.activityOf(["new"])).get("new")!;
        assert.deepEqual([s.stars, s.starsAt, s.prevStars, s.prevStarsAt, s.votes], [30, DAY_LATER, 10, T0, 1]);
      }));

    memberDataCases(withStore);
  });
}
