/**
 * The whole delivery path on PostgreSQL: subscribe, confirm, queue, send through a real SMTP
 * server, and recover a dead sender's messages. Server and skipping as in the store's PostgreSQL
 * tests (PAPERFEED_TEST_DATABASE_URL, PAPERFEED_SKIP_POSTGRES=1).
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import pg from "pg";
import { dailyPeriod } from "../actions/digest/periods.js";
import { confirm, subscribe } from "../actions/subscriptions/subscriptions.js";
import { messageOf } from "../core/errors.js";
import { PostgresDeliveryStore } from "../store/postgres/delivery-store.js";
import { PostgresStore } from "../store/postgres/postgres-store.js";
import { newOwner } from "./owner.js";
import { queueDigests } from "./queue-digests.js";
import { drainOutbox, recoverDeadSenders } from "./sender.js";
import { SmtpClient, parseSmtpUrl } from "./smtp.js";
import { BASE, DAY2, FROM, fixtureDays } from "./testing/delivery-fixture.js";
import { startSmtpSink } from "./testing/smtp-sink.js";

const url = process.env.PAPERFEED_TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const schema = `pf_deliver_${randomBytes(4).toString("hex")}`;

async function dropSchema(): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

const skipped = process.env.PAPERFEED_SKIP_POSTGRES === "1";
const problem = skipped
  ? null
  : await dropSchema().then(
      () => null,
      (e: unknown) => messageOf(e) || "unreachable",
    );

test(
  "deliver on PostgreSQL: double opt-in, digest, recovery of a dead sender",
  { skip: skipped ? "PAPERFEED_SKIP_POSTGRES=1" : false },
  async () => {
    assert.equal(problem, null, `PostgreSQL at ${url} is unreachable (${problem})`);
    const store = await PostgresStore.open({ url, schema });
    const delivery = await PostgresDeliveryStore.open({ url, schema });
    const sink = await startSmtpSink({ query: "rateLimit=1000" });
    const smtp = new SmtpClient(parseSmtpUrl(sink.url));
    try {
      await store.upsertPapers(fixtureDays());
      const secret = await delivery.secret("links");
      const sender = { delivery, store, smtp, owner: newOwner(), base: BASE, from: FROM, secret };
      await subscribe({ delivery, secret }, "pg@example.org", "daily");
      assert.equal((await drainOutbox(sender)).sent, 1);
      const token = /subscriptions\/confirm\?token=([\w.-]+)/.exec(sink.messages[0]!.text!)![1]!;
      assert.equal((await confirm({ delivery, secret }, token))?.status, "active");

      // A second subscriber whose digest a dead sender had claimed and handed over.
      const now = new Date().toISOString();
      const other = (await delivery.createSubscriber({ email: "other@example.org", cadence: "daily", now }))
        .subscriber;
      await delivery.updateSubscriber(other.id, { status: "active", now });
      assert.deepEqual(await queueDigests({ store, delivery, period: dailyPeriod(DAY2) }), {
        queued: 2,
        empty: 0,
        papers: 6,
      });
      const [claimed] = await delivery.claimOutbox(
        "ghost-host/1/dead",
        new Date(Date.now() + 1000).toISOString(),
        1,
      );
      await delivery.markHanded(claimed!.key, "ghost-host/1/dead");
      assert.deepEqual(await recoverDeadSenders(delivery, (o) => o.startsWith("ghost-host/"), now), {
        requeued: 0,
        assumedSent: 1,
      });
      assert.equal((await drainOutbox(sender)).sent, 1);
      assert.equal(sink.messages.length, 2);
      assert.equal(await delivery.countOutbox("sent"), 3);
    } finally {
      await smtp.close();
      await sink.close();
      await delivery.close();
      await store.close();
      await dropSchema();
    }
  },
);
