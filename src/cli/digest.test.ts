/** `paperfeed digest preview | send --dry-run | send` and `worker --help`, run as the real command. */
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { DAY2, fixtureDays } from "../deliver/testing/delivery-fixture.js";
import { startSmtpSink, type SmtpSink } from "../deliver/testing/smtp-sink.js";
import { SqliteDeliveryStore } from "../store/sqlite/delivery-store.js";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";
import { runCli, tempWorkspace } from "./testing/run-cli.js";

const workspace = tempWorkspace();
const db = path.join(workspace.dir, "papers.db");
let sink: SmtpSink;
const cli = (args: string[], env: Record<string, string> = {}) =>
  runCli([...args, "--db", db, "--base-url", "https://papers.example.org"], { cwd: workspace.dir, env });

before(async () => {
  sink = await startSmtpSink({ query: "rateLimit=100" });
  const store = SqliteStore.open({ path: db });
  await store.upsertPapers(fixtureDays());
  await store.close();
  const delivery = SqliteDeliveryStore.open({ path: db });
  const now = "2024-01-01T00:00:00.000Z";
  for (const email of ["ada@example.org", "bo@example.org"]) {
    const { subscriber } = await delivery.createSubscriber({ email, cadence: "daily", now });
    await delivery.updateSubscriber(subscriber.id, { status: "active", now });
  }
  await delivery.close();
});
after(async () => {
  await sink.close();
  workspace.remove();
});

describe("paperfeed digest", () => {
  it("preview prints the text part of the next digest and records nothing", async () => {
    for (let i = 0; i < 2; i++) {
      const { code, stdout, stderr } = await cli(["digest", "preview", "--email", "ada@example.org"]);
      assert.equal(code, 0, stderr);
      assert.match(
        stdout,
        /^Subject: 6 new papers · Tuesday, 16 January 2024\n\npaperfeed · Tuesday, 16 January 2024\n/,
      );
      assert.match(stdout, /https:\/\/papers\.example\.org\/papers\/2401\.00007/);
    }
    const html = await cli(["digest", "preview", "--email", "ada@example.org", "--html"]);
    assert.match(html.stdout, /^<!doctype html>/);
    const unknown = await cli(["digest", "preview", "--email", "nobody@example.org"]);
    assert.equal(unknown.code, 1);
    assert.equal(unknown.stderr, "paperfeed: actions: no subscriber with address nobody@example.org\n");
  });

  it("send --dry-run counts without queueing or sending; send then delivers and a second send sends nothing", async () => {
    const dry = await cli(["digest", "send", "--dry-run", "--cadence", "daily"]);
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal(
      dry.stdout,
      `daily ${DAY2}: 2 digests for 2 due subscribers, 12 papers in all (dry run: nothing queued or sent)\n`,
    );
    assert.equal(sink.messages.length, 0);

    const noSmtp = await cli(["digest", "send", "--cadence", "daily"]);
    assert.equal(noSmtp.code, 1);
    assert.match(noSmtp.stdout, /outbox\.send: failed, jobs: no SMTP server configured/);

    const sent = await cli(["digest", "send", "--cadence", "daily"], { PAPERFEED_SMTP_URL: sink.url });
    assert.equal(sent.code, 0, sent.stderr);
    assert.match(
      sent.stdout,
      new RegExp(`digest\\.daily ${DAY2}: skipped, already done\\noutbox\\.send: done, 2 sent`),
    );
    assert.deepEqual(
      sink.messages.map((m) => m.subject),
      ["6 new papers · Tuesday, 16 January 2024", "6 new papers · Tuesday, 16 January 2024"],
    );

    const again = await cli(["digest", "send", "--cadence", "daily"], { PAPERFEED_SMTP_URL: sink.url });
    assert.match(again.stdout, /outbox\.send: done, 0 sent/);
    assert.equal(sink.messages.length, 2);
  });

  it("worker has help with an example", async () => {
    const { code, stdout } = await runCli(["worker", "--help"], { cwd: workspace.dir });
    assert.equal(code, 0);
    assert.match(stdout, /Examples:\n {2}\$ paperfeed worker --smtp-url/);
  });
});
