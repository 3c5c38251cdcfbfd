/**
 * Subscribe → confirmation mail → confirm → digest mail, through a real SMTP server on loopback,
 * every message parsed with mailparser.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ParsedMail } from "mailparser";
import { dailyPeriod } from "../actions/digest/periods.js";
import { queueDigests } from "./queue-digests.js";
import { drainOutbox } from "./sender.js";
import { confirm, subscribe } from "../actions/subscriptions/subscriptions.js";
import { BASE, DAY1, DAY2, openDeliveryFixture } from "./testing/delivery-fixture.js";

/** mailparser folds List-* headers into one object; the raw lines are what clients read. */
export const headerLine = (mail: ParsedMail, key: string) =>
  mail.headerLines.find((h) => h.key === key)?.line;

const linkIn = (text: string, path: string) => {
  const m = new RegExp(`${BASE}${path}\\?token=([\\w.-]+)`).exec(text);
  assert.ok(m, `no ${path} link in:\n${text}`);
  return m[1]!;
};

test("mail flow: double opt-in, then a digest with both parts, one-click headers and a stable Message-ID", async () => {
  const f = await openDeliveryFixture();
  try {
    const ctx = { delivery: f.delivery, secret: f.secret };
    await subscribe(ctx, "Ada@Example.org", "daily");
    await subscribe(ctx, "ada@example.org", "daily"); // same hour: still one confirmation
    // Nothing but a confirmation may reach an unconfirmed address, whatever runs.
    assert.deepEqual(
      await queueDigests({ store: f.store, delivery: f.delivery, period: dailyPeriod(DAY1) }),
      { queued: 0, empty: 0, papers: 6 },
    );
    assert.equal((await f.drain()).sent, 1);
    assert.equal(f.sink.messages.length, 1);
    const confirmation = f.sink.messages[0]!;
    assert.equal(confirmation.subject, "Confirm your paperfeed subscription");
    assert.equal(confirmation.to && "text" in confirmation.to ? confirmation.to.text : "", "ada@example.org");
    assert.equal(headerLine(confirmation, "list-unsubscribe"), undefined);
    const token = linkIn(confirmation.text ?? "", "/subscriptions/confirm");
    assert.equal(linkIn(String(confirmation.html), "/subscriptions/confirm"), token);

    assert.equal(
      await confirm(
        ctx,
        token.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
      ),
      null,
      "a forged token confirms nothing",
    );
    assert.equal((await confirm(ctx, token))?.status, "active");

    const summary = await queueDigests({ store: f.store, delivery: f.delivery, period: dailyPeriod(DAY1) });
    assert.deepEqual(summary, { queued: 1, empty: 0, papers: 6 });
    assert.equal((await f.drain()).sent, 1);
    const digest = f.sink.messages[1]!;
    const subscriber = (await f.delivery.getSubscriberByEmail("ada@example.org"))!;
    assert.equal(digest.messageId, `<digest.${subscriber.id}.${DAY1}@papers.test>`);
    assert.match(digest.subject ?? "", /^6 new papers · Monday, 15 January 2024$/);
    assert.equal(
      headerLine(digest, "list-unsubscribe-post"),
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    );
    assert.match(
      headerLine(digest, "list-unsubscribe") ?? "",
      new RegExp(`^List-Unsubscribe:\\s+<${BASE}/subscriptions/unsubscribe\\?token=u[\\w.-]+>$`),
    );
    assert.ok(digest.text && digest.text.includes("== Trending =="), digest.text);
    assert.ok(typeof digest.html === "string" && digest.html.includes("prefers-color-scheme: dark"));
    assert.doesNotMatch(String(digest.html), /<script/i);
    for (const id of ["2401.00001", "2401.00006"]) {
      assert.ok(digest.text.includes(`${BASE}/papers/${id}`), `${id} missing from the text part`);
      assert.ok(String(digest.html).includes(`${BASE}/papers/${id}`), `${id} missing from the HTML part`);
    }
    assert.ok(!digest.text.includes("2401.00007"), "a paper of another day slipped in");
  } finally {
    await f.close();
  }
});

test("mail flow: saved searches and exclusions shape the digest; a paper is shown once, ever", async () => {
  const f = await openDeliveryFixture();
  try {
    const now = "2024-01-15T00:00:00.000Z";
    const { subscriber } = await f.delivery.createSubscriber({
      email: "bo@example.org",
      cadence: "daily",
      now,
    });
    await f.delivery.updateSubscriber(subscriber.id, { status: "active", now });
    const papers = await f.store.listAnnounced(DAY1, DAY2, { limit: 50 });
    const target = papers.find((p) => p.announced === DAY2)!;
    const word = target.title
      .split(/\s+/)
      .find((w) => w.length > 6)!
      .replace(/[^A-Za-z]/g, "");
    await f.delivery.addSavedSearch(subscriber.id, { name: "Mine", query: word, exclude: [] }, now);
    await f.delivery.addSavedSearch(subscriber.id, { name: "Excluded", query: word, exclude: [word] }, now);

    await queueDigests({ store: f.store, delivery: f.delivery, period: dailyPeriod(DAY1) });
    await queueDigests({
      store: f.store,
      delivery: f.delivery,
      period: dailyPeriod(DAY2),
      limits: { trending: 50 },
    });
    await queueDigests({ store: f.store, delivery: f.delivery, period: dailyPeriod(DAY2) }); // again: nothing twice
    await f.drain();
    assert.equal(f.sink.messages.length, 2);
    const second = f.sink.messages[1]!.text!;
    assert.match(second, /== Your alert: Mine ==/);
    assert.ok(
      second.indexOf(target.id) > second.indexOf("== Your alert: Mine =="),
      "the alert's paper sits in its section",
    );
    assert.doesNotMatch(
      second,
      /Your alert: Excluded/,
      "an alert whose only match is excluded has no section",
    );
    const ids = [
      ...f.sink.messages
        .map((m) => m.text!)
        .join("\n")
        .matchAll(/papers\/(\d{4}\.\d{5})/g),
    ].map((m) => m[1]);
    assert.equal(ids.length, new Set(ids).size, "a paper appeared twice");
    assert.equal(ids.length, 12);
  } finally {
    await f.close();
  }
});

test("mail flow: 451 then 250 delivers once; 550 fails the message and suppresses the address", async () => {
  const f = await openDeliveryFixture(
    {
      answer: (rcpt, attempt) =>
        rcpt === "later@example.org" && attempt === 1
          ? { code: 451, message: "4.3.0 try again later" }
          : rcpt === "gone@example.org"
            ? { code: 550, message: "5.1.1 no such user" }
            : null,
    },
    // Long enough that a slow first drain on a loaded machine never reaches the retry itself.
    [1000, 1000, 1000],
  );
  try {
    const ctx = { delivery: f.delivery, secret: f.secret };
    await subscribe(ctx, "later@example.org", "weekly");
    await subscribe(ctx, "gone@example.org", "weekly");
    // The sender's clock stands still during a drain, so the 451's retry (20 ms later) cannot
    // come due inside the first drain however slow a loaded machine is; then it moves past it.
    let now = Date.now();
    const drain = () => drainOutbox({ ...f.sender, clock: () => new Date(now) });
    const first = await drain();
    assert.deepEqual([first.sent, first.retried, first.failed, first.suppressed], [0, 1, 1, 1]);
    now += 60_000;
    const second = await drain();
    assert.equal(second.sent, 1);
    assert.deepEqual(
      f.sink.messages.map((m) => m.to && "text" in m.to && m.to.text),
      ["later@example.org"],
    );
    assert.equal(f.sink.attempts.get("later@example.org"), 2);
    assert.equal(await f.delivery.isSuppressed("gone@example.org"), true);
    // Once suppressed, never again: a new request queues nothing for the address.
    await subscribe(ctx, "gone@example.org", "daily");
    assert.deepEqual(await f.drain(), { sent: 0, retried: 0, failed: 0, suppressed: 0, skipped: 0 });
    assert.equal(f.sink.attempts.get("gone@example.org"), 1);
  } finally {
    await f.close();
  }
});

test("mail flow: a message that cannot be rendered waits for its next attempt instead of looping, then fails", async () => {
  const f = await openDeliveryFixture();
  try {
    const now = new Date().toISOString();
    const { subscriber } = await f.delivery.createSubscriber({
      email: "x@example.org",
      cadence: "daily",
      now,
    });
    await f.delivery.updateSubscriber(subscriber.id, { status: "active", now });
    const message = {
      key: "digest.broken",
      kind: "digest" as const,
      subscriberId: subscriber.id,
      email: subscriber.email,
    };
    await f.delivery.enqueue({ ...message, payload: "{not json", notBefore: now }, now);
    // A clock that stands still within a drain and passes each retry delay between drains.
    let clock = Date.now();
    const summaries = [];
    for (let i = 0; i < 4; i++) {
      summaries.push(await drainOutbox({ ...f.sender, clock: () => new Date(clock) }));
      clock += 60_000;
    }
    assert.deepEqual(
      summaries.map((s) => [s.retried, s.failed]),
      [
        [1, 0],
        [1, 0],
        [1, 0],
        [0, 1],
      ],
    );
    const row = await f.delivery.getOutbox("digest.broken");
    assert.equal(row?.status, "failed");
    assert.match(row?.lastError ?? "", /^gave up after 4 attempts: /);
    assert.equal(f.sink.messages.length, 0);
  } finally {
    await f.close();
  }
});
