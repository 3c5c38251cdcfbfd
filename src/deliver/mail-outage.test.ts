/**
 * A mail server in trouble never hangs a sender: real smtp-servers on 127.0.0.1 that accept the
 * connection and never greet, or are stopped, then come back on the same port.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { subscribe } from "../actions/subscriptions/subscriptions.js";
import { MailBreaker } from "./breaker.js";
import { drainOutbox } from "./sender.js";
import { SmtpClient, parseSmtpUrl } from "./smtp.js";
import { openDeliveryFixture } from "./testing/delivery-fixture.js";
import { startSmtpSink } from "./testing/smtp-sink.js";

const portOf = (url: string) => Number(new URL(url).port);
const FAST = "rateLimit=1000&maxConnections=2&connectTimeout=300&greetingTimeout=300&sendTimeout=2000";

test("a server that never greets: every send settles, the slots come back, and mail goes out once a working server answers on that port", { timeout: 20_000 }, async () => {
  const silent = await startSmtpSink({ silent: true });
  const port = portOf(silent.url);
  const smtp = new SmtpClient(parseSmtpUrl(`smtp://127.0.0.1:${port}?${FAST}`));
  const raw = Buffer.from("Subject: hello\r\n\r\nhello\r\n");
  try {
    // Three sends over two connections: each slot must be released for the third to start at all.
    const outcomes = await Promise.all([1, 2, 3].map((n) => smtp.send({ from: "a@papers.test", to: `r${n}@example.org` }, raw, () => true)));
    for (const o of outcomes) {
      assert.equal(o.ok, false);
      if (!o.ok) assert.deepEqual([o.permanent, o.code], [false, null], o.message);
    }
    await silent.close();
    const working = await startSmtpSink({ port });
    try {
      const back = await smtp.send({ from: "a@papers.test", to: "r4@example.org" }, raw, () => true);
      assert.equal(back.ok, true, JSON.stringify(back));
      await working.waitFor(1);
    } finally {
      await working.close();
    }
  } finally {
    await smtp.close();
  }
});

test("a stopped server opens the breaker: one log line, mail held without spending its retries, all sent when the server is back", { timeout: 20_000 }, async () => {
  const f = await openDeliveryFixture({ query: FAST });
  const port = portOf(f.sink.url);
  const logged: string[] = [];
  const breaker = new MailBreaker((line) => logged.push(line), 1000);
  const drain = () => drainOutbox({ ...f.sender, breaker, log: (line) => logged.push(line), retryDelaysMs: [50, 50, 50] });
  try {
    const ctx = { delivery: f.delivery, secret: f.secret };
    for (const who of ["a", "b", "c", "d"]) await subscribe(ctx, `${who}@example.org`, "daily");
    await f.sink.close();

    const first = await drain();
    assert.equal(first.sent, 0);
    assert.equal(first.failed, 0);
    assert.equal(breaker.isOpen, true);
    // Until the next probe, a drain touches nothing.
    assert.deepEqual(await drain(), { sent: 0, retried: 0, failed: 0, suppressed: 0, skipped: 0 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const probe = await drain(); // one message tried, no more
    assert.equal(probe.sent + probe.retried, 1);
    assert.equal(logged.length, 1, logged.join("\n"));
    assert.match(logged[0]!, /^deliver: the mail server cannot be reached \(.+\); mail waits in the outbox, trying again every 1 s$/);
    assert.equal(await f.delivery.countOutbox("failed"), 0, "an outage fails nothing");

    const back = await startSmtpSink({ port });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1100));
      let sent = 0;
      for (let i = 0; i < 10 && sent < 4; i++) {
        sent += (await drain()).sent;
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
      assert.equal(sent, 4);
      assert.equal(back.messages.length, 4);
      assert.equal(breaker.isOpen, false);
      assert.equal(logged.length, 2, logged.join("\n"));
      assert.match(logged[1]!, /^deliver: the mail server answers again after \d+ m?s; sending the mail that waited$/);
    } finally {
      await back.close();
    }
  } finally {
    await f.close();
  }
});
