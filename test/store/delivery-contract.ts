/**
 * The DeliveryStore contract suite (src/store/delivery-types.ts), run on both backends by
 * src/store/sqlite/delivery-store.test.ts and src/store/postgres/delivery-store.test.ts.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PaperfeedError } from "../../src/core/errors.js";
import type { DeliveryStore, NewOutboxMessage } from "../../src/store/delivery-types.js";

export interface DeliveryUnderTest {
  store: DeliveryStore;
  cleanup: () => Promise<void>;
}

const T0 = "2024-01-15T10:00:00.000Z";
const T1 = "2024-01-15T11:00:00.000Z";

const digestMessage = (subscriberId: number, email: string, period: string): NewOutboxMessage => ({
  key: `digest.${subscriberId}.${period}`,
  kind: "digest",
  subscriberId,
  email,
  payload: JSON.stringify({ period }),
  notBefore: T0,
});

export function runDeliveryContract(name: string, make: () => Promise<DeliveryUnderTest>): void {
  const withStore = async (body: (store: DeliveryStore) => Promise<void>) => {
    const subject = await make();
    try {
      await body(subject.store);
    } finally {
      await subject.cleanup();
    }
  };
  const active = async (store: DeliveryStore, email: string, cadence: "daily" | "weekly" = "daily") => {
    const { subscriber } = await store.createSubscriber({ email, cadence, now: T0 });
    return (await store.updateSubscriber(subscriber.id, { status: "active", now: T1 }))!;
  };

  describe(`DeliveryStore contract: ${name}`, () => {
    it("creates a pending subscriber once per address, normalising case and space", () =>
      withStore(async (store) => {
        const first = await store.createSubscriber({ email: " Ada@Example.org ", cadence: "daily", now: T0 });
        assert.equal(first.created, true);
        assert.deepEqual(first.subscriber, {
          id: first.subscriber.id,
          email: "ada@example.org",
          cadence: "daily",
          status: "pending",
          createdAt: T0,
          confirmedAt: null,
          lastPeriod: null,
          accountId: null,
        });
        const again = await store.createSubscriber({ email: "ada@example.org", cadence: "weekly", now: T1 });
        assert.equal(again.created, false);
        assert.equal(again.subscriber.id, first.subscriber.id);
        assert.equal(again.subscriber.cadence, "daily");
        assert.equal((await store.getSubscriberByEmail("ADA@example.org"))?.id, first.subscriber.id);
        assert.equal(await store.getSubscriber(first.subscriber.id + 1000), null);
      }));

    it("refuses a bad address or cadence, writing nothing", () =>
      withStore(async (store) => {
        for (const email of [
          "",
          "no-at-sign",
          "a@b",
          "a b@example.org",
          "x@example.org\r\nBcc: y@example.org",
        ]) {
          await assert.rejects(
            store.createSubscriber({ email, cadence: "daily", now: T0 }),
            (e: unknown) => e instanceof PaperfeedError && e.id === "invalid_email",
            email,
          );
        }
        await assert.rejects(
          store.createSubscriber({ email: "a@example.org", cadence: "hourly" as "daily", now: T0 }),
          /cadence/,
        );
        assert.equal(await store.countSubscribers(), 0);
      }));

    it("confirming sets confirmedAt once; cadence and status change", () =>
      withStore(async (store) => {
        const s = await active(store, "b@example.org");
        assert.equal(s.status, "active");
        assert.equal(s.confirmedAt, T1);
        const later = await store.updateSubscriber(s.id, {
          status: "active",
          cadence: "weekly",
          now: "2024-02-01T00:00:00.000Z",
        });
        assert.equal(later?.confirmedAt, T1);
        assert.equal(later?.cadence, "weekly");
        assert.equal(
          (await store.updateSubscriber(s.id, { status: "unsubscribed", now: T1 }))?.status,
          "unsubscribed",
        );
        assert.equal(await store.updateSubscriber(999_999, { status: "active", now: T1 }), null);
        assert.equal(await store.countSubscribers("unsubscribed"), 1);
      }));

    it("links a subscription to a member account and finds it by account", () =>
      withStore(async (store) => {
        const s = await active(store, "member@example.org");
        assert.equal(await store.getSubscriberByAccount("user-1"), null);
        assert.equal((await store.linkAccount(s.id, "user-1"))?.accountId, "user-1");
        assert.equal((await store.getSubscriberByAccount("user-1"))?.id, s.id);
        assert.equal((await store.linkAccount(s.id, null))?.accountId, null);
        assert.equal(await store.getSubscriberByAccount("user-1"), null);
        assert.equal(await store.linkAccount(s.id + 1000, "user-2"), null);
      }));

    it("lists due subscribers by cadence and period, skipping pending, suppressed and already queued", () =>
      withStore(async (store) => {
        const a = await active(store, "a@example.org");
        const b = await active(store, "b@example.org");
        const c = await active(store, "c@example.org");
        await active(store, "w@example.org", "weekly");
        await store.createSubscriber({ email: "pending@example.org", cadence: "daily", now: T0 });
        await store.suppress("C@example.org", "550 mailbox unknown", T0);
        assert.equal(await store.isSuppressed("c@example.org"), true);
        await store.enqueueDigests(
          [{ message: digestMessage(b.id, b.email, "2024-01-15"), shownPaperIds: [], period: "2024-01-15" }],
          T0,
        );
        const due = await store.dueSubscribers({ cadence: "daily", duePeriod: "2024-01-15" });
        assert.deepEqual(
          due.map((s) => s.email),
          ["a@example.org"],
        );
        assert.deepEqual(
          (await store.dueSubscribers({ cadence: "daily", duePeriod: "2024-01-16" })).map((s) => s.email),
          ["a@example.org", "b@example.org"],
        );
        assert.deepEqual(
          (
            await store.dueSubscribers({ cadence: "daily", duePeriod: "2024-01-16", afterId: a.id, limit: 1 })
          ).map((s) => s.id),
          [b.id],
        );
        assert.ok(c.id > b.id);
      }));

    it("keeps saved searches per subscriber, validated, deletable only by their owner", () =>
      withStore(async (store) => {
        const a = await active(store, "a@example.org");
        const b = await active(store, "b@example.org");
        const s1 = await store.addSavedSearch(
          a.id,
          { name: " GNNs ", query: "graph neural networks", exclude: ["survey", "survey", " "] },
          T0,
        );
        assert.deepEqual(s1, {
          id: s1.id,
          subscriberId: a.id,
          name: "GNNs",
          query: "graph neural networks",
          exclude: ["survey"],
          createdAt: T0,
        });
        const s2 = await store.addSavedSearch(
          a.id,
          { name: "Quantum", query: "cat:quant-ph", exclude: [] },
          T1,
        );
        await store.addSavedSearch(b.id, { name: "B", query: "x", exclude: [] }, T1);
        assert.deepEqual(
          (await store.listSavedSearches(a.id)).map((s) => s.id),
          [s1.id, s2.id],
        );
        const many = await store.savedSearchesOf([a.id, b.id, 424242]);
        assert.deepEqual([...many.keys()], [a.id, b.id, 424242]);
        assert.equal(many.get(a.id)?.length, 2);
        assert.equal(many.get(424242)?.length, 0);
        assert.deepEqual(await store.getSavedSearch(s2.id), s2);
        assert.equal(await store.deleteSavedSearch(b.id, s1.id), false);
        assert.equal(await store.deleteSavedSearch(a.id, s1.id), true);
        assert.equal(await store.getSavedSearch(s1.id), null);
        await assert.rejects(store.addSavedSearch(a.id, { name: "", query: "x", exclude: [] }, T0), /name/);
        await assert.rejects(
          store.addSavedSearch(a.id, { name: "x", query: "q".repeat(501), exclude: [] }, T0),
          /query/,
        );
      }));

    it("queues digests once per key, with their shown papers and period, atomically", () =>
      withStore(async (store) => {
        const a = await active(store, "a@example.org");
        const digest = {
          message: digestMessage(a.id, a.email, "2024-01-15"),
          shownPaperIds: ["2401.00001", "hep-th/9901001"],
          period: "2024-01-15",
        };
        const second = { ...digestMessage(a.id, a.email, "2024-01-16"), key: "digest.other" };
        assert.deepEqual(await store.enqueueDigests([digest], T0), [true]);
        assert.deepEqual(
          await store.enqueueDigests(
            [
              { ...digest, shownPaperIds: ["2401.00009"], period: "2024-01-20" },
              { message: second, shownPaperIds: [], period: "2024-01-16" },
            ],
            T0,
          ),
          [false, true],
        );
        assert.equal((await store.getSubscriber(a.id))?.lastPeriod, "2024-01-16");
        await store.updateOutbox(second.key, { status: "sent" });
        assert.deepEqual(
          [...(await store.shownPapers(a.id, ["2401.00001", "2401.00009", "hep-th/9901001"]))].sort(),
          ["2401.00001", "hep-th/9901001"],
        );
        assert.equal(await store.countOutbox("pending"), 1);
        const row = await store.getOutbox(digest.message.key);
        assert.equal(row?.status, "pending");
        assert.equal(row?.attempts, 0);
        assert.equal(await store.enqueue({ ...digest.message }, T0), false);
      }));

    it("claims due messages for one owner, hands, retries, finishes", () =>
      withStore(async (store) => {
        const a = await active(store, "a@example.org");
        const m1 = digestMessage(a.id, a.email, "2024-01-15");
        const m2 = { ...digestMessage(a.id, a.email, "2024-01-16"), notBefore: "2024-01-16T00:00:00.000Z" };
        await store.enqueue(m1, T0);
        await store.enqueue(m2, T0);
        const claimed = await store.claimOutbox("w1", T1, 10);
        assert.deepEqual(
          claimed.map((m) => [m.key, m.status, m.owner, m.attempts]),
          [[m1.key, "sending", "w1", 1]],
        );
        assert.deepEqual(await store.claimOutbox("w2", T1, 10), []);
        assert.equal(await store.markHanded(m1.key, "w2"), false);
        assert.equal(await store.markHanded(m1.key, "w1"), true);
        await store.updateOutbox(m1.key, {
          status: "pending",
          notBefore: "2024-01-15T11:05:00.000Z",
          lastError: "451 try later",
        });
        assert.deepEqual(await store.claimOutbox("w1", T1, 10), []);
        const retried = await store.claimOutbox("w1", "2024-01-16T00:00:00.000Z", 10);
        assert.deepEqual(
          retried.map((m) => [m.key, m.attempts, m.lastError]),
          [
            [m1.key, 2, "451 try later"],
            [m2.key, 1, null],
          ],
        );
        await store.updateOutbox(m1.key, { status: "sent", sentAt: T1, lastError: null });
        await store.updateOutbox(m2.key, { status: "failed", lastError: "550 no such user" });
        const sent = await store.getOutbox(m1.key);
        assert.deepEqual(
          [sent?.status, sent?.sentAt, sent?.lastError, sent?.owner],
          ["sent", T1, null, null],
        );
        assert.equal(await store.countOutbox("failed"), 1);
      }));

    it("recovers a dead owner's messages: sending back to pending, handed counted as sent", () =>
      withStore(async (store) => {
        const a = await active(store, "a@example.org");
        for (const day of ["2024-01-15", "2024-01-16", "2024-01-17"])
          await store.enqueue(digestMessage(a.id, a.email, day), T0);
        const [first] = await store.claimOutbox("dead", T1, 2);
        await store.markHanded(first!.key, "dead");
        await store.claimOutbox("alive", T1, 1);
        assert.deepEqual(await store.outboxOwners(), ["alive", "dead"]);
        assert.deepEqual(await store.recoverOutbox("dead", T1), [1, 1]);
        assert.equal((await store.getOutbox(first!.key))?.status, "sent");
        assert.equal(await store.countOutbox("pending"), 1);
        assert.deepEqual(await store.outboxOwners(), ["alive"]);
      }));

    it("locks: one holder at a time, until expiry or its death", () =>
      withStore(async (store) => {
        assert.equal(await store.acquireLock("sender", "p1", T0, T1), true);
        assert.equal(await store.acquireLock("sender", "p2", T0, T1), false);
        assert.equal(await store.acquireLock("sender", "p1", T0, T1), true);
        assert.equal(await store.acquireLock("sender", "p2", T1, "2024-01-15T12:00:00.000Z"), true);
        assert.equal(
          await store.acquireLock("sender", "p3", T1, "2024-01-15T13:00:00.000Z", (owner) => owner === "p2"),
          true,
        );
        await store.releaseLock("sender", "p1");
        assert.equal(await store.acquireLock("sender", "p4", T1, T1), false);
        await store.releaseLock("sender", "p3");
        assert.equal(await store.acquireLock("sender", "p4", T1, T1), true);
      }));

    it("job runs: a finished period is not started again, a failed one is", () =>
      withStore(async (store) => {
        assert.equal(await store.startJobRun("digest.daily", "2024-01-15", T0), true);
        await store.finishJobRun("digest.daily", "2024-01-15", "failed", "smtp down", T0);
        assert.equal(await store.startJobRun("digest.daily", "2024-01-15", T1), true);
        await store.finishJobRun("digest.daily", "2024-01-15", "done", "12 queued", T1);
        assert.equal(await store.startJobRun("digest.daily", "2024-01-15", T1), false);
        const runs = await store.jobRuns("digest.daily");
        assert.deepEqual(
          runs.map((r) => [r.period, r.status, r.detail]),
          [["2024-01-15", "done", "12 queued"]],
        );
      }));

    it("secrets are random per name and stable", () =>
      withStore(async (store) => {
        const a = await store.secret("links");
        assert.match(a, /^[A-Za-z0-9_-]{43}$/);
        assert.equal(await store.secret("links"), a);
        assert.notEqual(await store.secret("other"), a);
      }));
  });
}
