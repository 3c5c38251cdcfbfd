/**
 * A real SQLite database in a temp dir with papers announced on two days, its DeliveryStore, an
 * SMTP sink and a sender wired to it: what the delivery tests share.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Paper } from "../../core/paper.js";
import type { CommunityStore } from "../../store/community-types.js";
import { openSqliteCommunityStore } from "../../store/sqlite/community-sql.js";
import { SqliteDeliveryStore } from "../../store/sqlite/delivery-store.js";
import { SqliteStore } from "../../store/sqlite/sqlite-store.js";
import { paperLike } from "../../../test/store/fixture-papers.js";
import { newOwner } from "../owner.js";
import { drainOutbox, type SenderDeps } from "../sender.js";
import { SmtpClient, parseSmtpUrl } from "../smtp.js";
import { startSmtpSink, type SinkOptions, type SmtpSink } from "./smtp-sink.js";

export const BASE = "http://papers.test";
export const FROM = "paperfeed <digest@papers.test>";
export const DAY1 = "2024-01-15";
export const DAY2 = "2024-01-16";

/** Twelve real fixture papers under synthetic ids: 2401.00001–06 on DAY1, 07–12 on DAY2; some with code. */
export function fixtureDays(): Paper[] {
  return Array.from({ length: 12 }, (_, i) =>
    paperLike(i + 1, {
      announced: i < 6 ? DAY1 : DAY2,
      codeLinks: i % 3 === 0 ? [{ kind: "github", url: `https://github.com/example/repo${i}` }] : [],
    }),
  );
}

export interface DeliveryFixture {
  dir: string;
  dbPath: string;
  store: SqliteStore;
  delivery: SqliteDeliveryStore;
  community: CommunityStore;
  sink: SmtpSink;
  secret: string;
  sender: SenderDeps;
  drain: () => ReturnType<typeof drainOutbox>;
  close(): Promise<void>;
}

export async function openDeliveryFixture(
  sinkOptions: SinkOptions = {},
  retryDelaysMs: number[] = [20, 20, 20],
): Promise<DeliveryFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paperfeed-deliver-"));
  const dbPath = path.join(dir, "paperfeed.db");
  const store = SqliteStore.open({ path: dbPath });
  await store.upsertPapers(fixtureDays());
  const delivery = SqliteDeliveryStore.open({ path: dbPath });
  const community = await openSqliteCommunityStore({ path: dbPath });
  const sink = await startSmtpSink({ query: "rateLimit=1000", ...sinkOptions });
  const smtp = new SmtpClient(parseSmtpUrl(sink.url));
  const secret = await delivery.secret("links");
  const sender: SenderDeps = {
    delivery,
    store,
    smtp,
    owner: newOwner(),
    base: BASE,
    from: FROM,
    secret,
    retryDelaysMs,
  };
  return {
    dir,
    dbPath,
    store,
    delivery,
    community,
    sink,
    secret,
    sender,
    drain: () => drainOutbox(sender),
    async close() {
      await smtp.close();
      await sink.close();
      await community.close();
      await delivery.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A confirmed daily subscriber (as if they had followed the confirmation link). */
export async function activeSubscriber(delivery: SqliteDeliveryStore, email: string, now = new Date().toISOString()) {
  const { subscriber } = await delivery.createSubscriber({ email, cadence: "daily", now });
  return (await delivery.updateSubscriber(subscriber.id, { status: "active", now }))!;
}
