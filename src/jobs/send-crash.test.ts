/**
 * Exactly once across a crash: `paperfeed digest send` (a real child process) is killed with
 * SIGKILL while sending 1,000 digests, then run again; the SMTP server must have received every
 * digest exactly once, counted by Message-ID.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { SqliteDeliveryStore } from "../store/sqlite/delivery-store.js";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";
import { fixtureDays } from "../deliver/testing/delivery-fixture.js";
import { startSmtpSink } from "../deliver/testing/smtp-sink.js";

const BIN = fileURLToPath(new URL("../../bin/paperfeed.js", import.meta.url));
const SUBSCRIBERS = 1000;

function runSend(dbPath: string, smtpUrl: string) {
  const child = spawn(
    process.execPath,
    [
      BIN,
      "digest",
      "send",
      "--cadence",
      "daily",
      "--db",
      dbPath,
      "--smtp-url",
      smtpUrl,
      "--base-url",
      "http://papers.test",
      "--no-demo",
    ],
    { env: { PATH: process.env.PATH ?? "", HOME: os.tmpdir() }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c));
  child.stderr.on("data", (c: Buffer) => (output += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>(
    (resolve) => child.on("close", (code, signal) => resolve({ code, signal, output })),
  );
  return { child, exited };
}

test(
  "digest send killed with SIGKILL mid-batch and restarted delivers each of 1,000 digests exactly once",
  { timeout: 240_000 },
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paperfeed-crash-"));
    const dbPath = path.join(dir, "paperfeed.db");
    const counts = new Map<string, number>();
    const sink = await startSmtpSink({
      parse: false,
      query: "rateLimit=2000&maxConnections=2",
      onMessageId: (id) => counts.set(id, (counts.get(id) ?? 0) + 1),
    });
    try {
      const store = SqliteStore.open({ path: dbPath });
      await store.upsertPapers(fixtureDays());
      await store.close();
      const delivery = SqliteDeliveryStore.open({ path: dbPath });
      const now = "2024-01-15T00:00:00.000Z";
      for (let i = 0; i < SUBSCRIBERS; i++) {
        const { subscriber } = await delivery.createSubscriber({
          email: `reader${i}@example.org`,
          cadence: "daily",
          now,
        });
        await delivery.updateSubscriber(subscriber.id, { status: "active", now });
      }

      const first = runSend(dbPath, sink.url);
      await sink.waitFor(300, 120_000);
      first.child.kill("SIGKILL");
      const killed = await first.exited;
      assert.equal(
        killed.signal,
        "SIGKILL",
        `the sender finished before it could be killed:\n${killed.output}`,
      );
      const atKill = sink.messages.length;
      assert.ok(atKill < SUBSCRIBERS, `all ${atKill} sent before the kill`);
      assert.ok(
        (await delivery.countOutbox("pending")) + (await delivery.countOutbox("sending")) > 0,
        "nothing left to send after the kill",
      );

      const second = runSend(dbPath, sink.url);
      const done = await second.exited;
      assert.equal(done.code, 0, done.output);
      // The period's digests were all queued before the kill, so the restart only sends.
      assert.match(done.output, /digest\.daily 2024-01-16: skipped, already done/);
      assert.match(done.output, /outbox\.send: done, \d+ sent/);

      const duplicates = [...counts].filter(([, n]) => n > 1);
      assert.deepEqual(duplicates, [], "some digests arrived twice");
      assert.equal(
        counts.size,
        SUBSCRIBERS,
        `${counts.size} distinct digests arrived (killed after ${atKill})`,
      );
      for (const id of counts.keys()) assert.match(id, /^<digest\.\d+\.2024-01-16@papers\.test>$/);
      assert.equal(await delivery.countOutbox("sent"), SUBSCRIBERS);
      await delivery.close();
    } finally {
      await sink.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
);
