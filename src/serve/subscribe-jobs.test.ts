/**
 * With SMTP, a subscription's confirmation goes out through the job runner `serve` itself runs
 * (the outbox job), not a separate sender: subscribe, and the mail arrives at a real SMTP server.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { startSmtpSink } from "../deliver/testing/smtp-sink.js";
import { outboxJob } from "../jobs/delivery-jobs.js";
import { openStore } from "../store/open.js";
import { createLogger } from "./log.js";
import { startServer } from "./server.js";
import { importFixtures, testConfig } from "./testing/fixture-app.js";

test("serve with SMTP: a subscription's confirmation mail is sent by serve's own job runner", async () => {
  const dir = mkdtempSync(join(tmpdir(), "paperfeed-subscribe-jobs-"));
  const sink = await startSmtpSink();
  const config = testConfig(dir, { smtpUrl: sink.url, mailFrom: "paperfeed <paperfeed@127.0.0.1>", jobs: true });
  const store = await openStore({ path: config.db });
  await importFixtures(store);
  await store.close();
  const lines: string[] = [];
  // The outbox job as jobsFor(config) makes it, asked every 200 ms instead of 15 s so the test is quick.
  const server = await startServer(config, { log: createLogger("info", (l) => lines.push(l)), jobs: [outboxJob({ everyMs: 200 })] });
  try {
    assert.ok(lines.some((l) => /running jobs: outbox\.send/.test(l)));
    const res = await fetch(`${server.url}/api/subscriptions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "reader@example.org", cadence: "weekly" }) });
    assert.equal(res.status, 202);
    await sink.waitFor(1, 10_000);
    const mail = sink.messages[0]!;
    assert.match(JSON.stringify(mail.to), /reader@example\.org/);
    assert.match(mail.text ?? "", /\/subscriptions\/confirm\?/);
  } finally {
    await server.close();
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
