/**
 * DeliveryStore on PostgreSQL, on its own small pg Pool. Claims use FOR UPDATE SKIP LOCKED, so
 * several senders can share one outbox without taking the same message.
 */
import { randomBytes } from "node:crypto";
import type * as D from "../delivery-types.js";
import {
  dueLimit,
  jobRunOf,
  normalizeEmail,
  outboxOf,
  requireCadence,
  savedSearchOf,
  subscriberOf,
  validateSavedSearch,
} from "../delivery-rows.js";
import { connectPostgres, type PostgresOpenOptions } from "./connect.js";
import { PooledStore, type Queryable } from "./pooled.js";

type Row = Record<string, unknown>;

export class PostgresDeliveryStore extends PooledStore implements D.DeliveryStore {
  static async open(options: PostgresOpenOptions): Promise<PostgresDeliveryStore> {
    const { pool, location } = await connectPostgres({ poolSize: 4, ...options });
    return new PostgresDeliveryStore(pool, location);
  }

  private rows = (sql: string, params: unknown[] = []) =>
    this.run(async (db) => (await db.query(sql, params)).rows as Row[]);
  private first = async (sql: string, params: unknown[] = []) => (await this.rows(sql, params))[0];
  private count = (sql: string, params: unknown[] = []) =>
    this.run(async (db) => (await db.query(sql, params)).rowCount ?? 0);

  async createSubscriber(input: { email: string; cadence: D.Cadence; now: string }) {
    const email = normalizeEmail(input.email);
    const cadence = requireCadence(input.cadence);
    const inserted = await this.first(
      "INSERT INTO subscribers (email, cadence, status, created_at) VALUES ($1, $2, 'pending', $3) ON CONFLICT (email) DO NOTHING RETURNING *",
      [email, cadence, input.now],
    );
    if (inserted) return { subscriber: subscriberOf(inserted), created: true };
    return {
      subscriber: subscriberOf((await this.first("SELECT * FROM subscribers WHERE email = $1", [email]))!),
      created: false,
    };
  }

  async getSubscriber(id: number) {
    const row = await this.first("SELECT * FROM subscribers WHERE id = $1", [id]);
    return row ? subscriberOf(row) : null;
  }

  async getSubscriberByEmail(email: string) {
    const row = await this.first("SELECT * FROM subscribers WHERE email = $1", [
      String(email).trim().toLowerCase(),
    ]);
    return row ? subscriberOf(row) : null;
  }

  async updateSubscriber(
    id: number,
    patch: { cadence?: D.Cadence; status?: D.SubscriberStatus; now: string },
  ) {
    const cadence = patch.cadence === undefined ? null : requireCadence(patch.cadence);
    const row = await this.first(
      `UPDATE subscribers SET cadence = coalesce($1, cadence), status = coalesce($2, status),
         confirmed_at = CASE WHEN $2 = 'active' THEN coalesce(confirmed_at, $3) ELSE confirmed_at END
       WHERE id = $4 RETURNING *`,
      [cadence, patch.status ?? null, patch.now, id],
    );
    return row ? subscriberOf(row) : null;
  }

  async linkAccount(subscriberId: number, accountId: string | null) {
    const row = await this.first("UPDATE subscribers SET account_id = $1 WHERE id = $2 RETURNING *", [
      accountId,
      subscriberId,
    ]);
    return row ? subscriberOf(row) : null;
  }

  async getSubscriberByAccount(accountId: string) {
    const row = await this.first("SELECT * FROM subscribers WHERE account_id = $1 ORDER BY id LIMIT 1", [
      accountId,
    ]);
    return row ? subscriberOf(row) : null;
  }

  async dueSubscribers(page: D.SubscriberPage) {
    const rows = await this.rows(
      `SELECT * FROM subscribers s WHERE cadence = $1 AND status = 'active' AND id > $2
         AND (last_period IS NULL OR last_period < $3)
         AND NOT EXISTS (SELECT 1 FROM suppressions x WHERE x.email = s.email)
       ORDER BY id LIMIT $4`,
      [page.cadence, page.afterId ?? 0, page.duePeriod, dueLimit(page.limit)],
    );
    return rows.map(subscriberOf);
  }

  async countSubscribers(status?: D.SubscriberStatus) {
    return Number(
      (await this.first("SELECT count(*)::int AS n FROM subscribers WHERE $1::text IS NULL OR status = $1", [
        status ?? null,
      ]))!.n,
    );
  }

  async addSavedSearch(subscriberId: number, search: D.NewSavedSearch, now: string) {
    const valid = validateSavedSearch(search);
    const row = await this.first(
      "INSERT INTO saved_searches (subscriber_id, name, query, exclude, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING *",
      [subscriberId, valid.name, valid.query, JSON.stringify(valid.exclude), now],
    );
    return savedSearchOf(row!);
  }

  async listSavedSearches(subscriberId: number) {
    return (
      await this.rows("SELECT * FROM saved_searches WHERE subscriber_id = $1 ORDER BY id", [subscriberId])
    ).map(savedSearchOf);
  }

  async savedSearchesOf(subscriberIds: readonly number[]) {
    const bySubscriber = new Map<number, D.SavedSearch[]>(subscriberIds.map((id) => [id, []]));
    const rows = await this.rows(
      "SELECT * FROM saved_searches WHERE subscriber_id = ANY($1::bigint[]) ORDER BY subscriber_id, id",
      [subscriberIds],
    );
    for (const row of rows) bySubscriber.get(Number(row.subscriber_id))?.push(savedSearchOf(row));
    return bySubscriber;
  }

  async getSavedSearch(id: number) {
    const row = await this.first("SELECT * FROM saved_searches WHERE id = $1", [id]);
    return row ? savedSearchOf(row) : null;
  }

  async deleteSavedSearch(subscriberId: number, id: number) {
    return (
      (await this.count("DELETE FROM saved_searches WHERE id = $1 AND subscriber_id = $2", [
        id,
        subscriberId,
      ])) > 0
    );
  }

  private async insertOutbox(db: Queryable, m: D.NewOutboxMessage, now: string): Promise<boolean> {
    const result = await db.query(
      `INSERT INTO outbox (key, kind, subscriber_id, email, payload, not_before, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (key) DO NOTHING`,
      [m.key, m.kind, m.subscriberId, normalizeEmail(m.email), m.payload, m.notBefore, now],
    );
    return (result.rowCount ?? 0) > 0;
  }

  enqueue(message: D.NewOutboxMessage, now: string) {
    return this.run((db) => this.insertOutbox(db, message, now));
  }

  enqueueDigests(digests: readonly D.DigestEnqueue[], now: string) {
    return this.transaction(async (client) => {
      const queued: boolean[] = [];
      for (const digest of digests) {
        const inserted = await this.insertOutbox(client, digest.message, now);
        queued.push(inserted);
        if (!inserted) continue;
        const id = digest.message.subscriberId;
        await client.query(
          "INSERT INTO shown_papers (subscriber_id, paper_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING",
          [id, [...digest.shownPaperIds]],
        );
        await client.query("UPDATE subscribers SET last_period = $1 WHERE id = $2", [digest.period, id]);
      }
      return queued;
    });
  }

  async claimOutbox(owner: string, now: string, limit: number) {
    const rows = await this.rows(
      `UPDATE outbox SET status = 'sending', owner = $1, attempts = attempts + 1
       WHERE key IN (SELECT key FROM outbox WHERE status = 'pending' AND not_before <= $2
                     ORDER BY not_before, key LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [owner, now, limit],
    );
    return rows.map(outboxOf).sort((a, b) => (a.notBefore + a.key < b.notBefore + b.key ? -1 : 1));
  }

  async markHanded(key: string, owner: string) {
    return (
      (await this.count(
        "UPDATE outbox SET status = 'handed' WHERE key = $1 AND owner = $2 AND status = 'sending'",
        [key, owner],
      )) > 0
    );
  }

  async updateOutbox(key: string, u: D.OutboxUpdate) {
    await this.count(
      `UPDATE outbox SET status = $1, owner = NULL, not_before = coalesce($2, not_before),
         last_error = CASE WHEN $3 THEN $4 ELSE last_error END, sent_at = CASE WHEN $5 THEN $6 ELSE sent_at END,
         payload = coalesce($7, payload)
       WHERE key = $8`,
      [
        u.status,
        u.notBefore ?? null,
        u.lastError !== undefined,
        u.lastError ?? null,
        u.sentAt !== undefined,
        u.sentAt ?? null,
        u.payload ?? null,
        key,
      ],
    );
  }

  async getOutbox(key: string) {
    const row = await this.first("SELECT * FROM outbox WHERE key = $1", [key]);
    return row ? outboxOf(row) : null;
  }

  async countOutbox(status?: D.OutboxStatus) {
    return Number(
      (await this.first("SELECT count(*)::int AS n FROM outbox WHERE $1::text IS NULL OR status = $1", [
        status ?? null,
      ]))!.n,
    );
  }

  async outboxOwners() {
    const rows = await this.rows(
      "SELECT DISTINCT owner FROM outbox WHERE status IN ('sending', 'handed') AND owner IS NOT NULL ORDER BY owner",
    );
    return rows.map((r) => String(r.owner));
  }

  recoverOutbox(owner: string, now: string) {
    return this.transaction(async (client): Promise<[number, number]> => {
      const requeued = await client.query(
        "UPDATE outbox SET status = 'pending', owner = NULL WHERE owner = $1 AND status = 'sending'",
        [owner],
      );
      const assumed = await client.query(
        "UPDATE outbox SET status = 'sent', owner = NULL, sent_at = $1, last_error = 'sender stopped after handing the message over; assumed delivered' WHERE owner = $2 AND status = 'handed'",
        [now, owner],
      );
      return [requeued.rowCount ?? 0, assumed.rowCount ?? 0];
    });
  }

  async shownPapers(subscriberId: number, paperIds: readonly string[]) {
    if (paperIds.length === 0) return new Set<string>();
    const rows = await this.rows(
      "SELECT paper_id FROM shown_papers WHERE subscriber_id = $1 AND paper_id = ANY($2::text[])",
      [subscriberId, [...paperIds]],
    );
    return new Set(rows.map((r) => String(r.paper_id)));
  }

  async suppress(email: string, reason: string, now: string) {
    await this.count(
      "INSERT INTO suppressions (email, reason, created_at) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING",
      [normalizeEmail(email), reason, now],
    );
  }

  async isSuppressed(email: string) {
    return (
      (await this.first("SELECT 1 AS x FROM suppressions WHERE email = $1", [
        String(email).trim().toLowerCase(),
      ])) !== undefined
    );
  }

  async acquireLock(
    name: string,
    owner: string,
    now: string,
    until: string,
    isDead?: (owner: string) => boolean,
  ) {
    const taken = await this.count(
      `INSERT INTO job_locks (name, owner, until) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until = excluded.until
       WHERE job_locks.owner = excluded.owner OR job_locks.until <= $4`,
      [name, owner, until, now],
    );
    if (taken > 0) return true;
    const holder = await this.first("SELECT owner FROM job_locks WHERE name = $1", [name]);
    if (!holder || !isDead?.(String(holder.owner))) return false;
    return (
      (await this.count("UPDATE job_locks SET owner = $1, until = $2 WHERE name = $3 AND owner = $4", [
        owner,
        until,
        name,
        holder.owner,
      ])) > 0
    );
  }

  async releaseLock(name: string, owner: string) {
    await this.count("DELETE FROM job_locks WHERE name = $1 AND owner = $2", [name, owner]);
  }

  async startJobRun(job: string, period: string, now: string) {
    const started = await this.count(
      `INSERT INTO job_runs (job, period, status, started_at) VALUES ($1, $2, 'running', $3)
       ON CONFLICT (job, period) DO UPDATE SET status = 'running', started_at = excluded.started_at, finished_at = NULL, detail = NULL
       WHERE job_runs.status <> 'done'`,
      [job, period, now],
    );
    return started > 0;
  }

  async finishJobRun(
    job: string,
    period: string,
    status: "done" | "failed",
    detail: string | null,
    now: string,
  ) {
    await this.count(
      "UPDATE job_runs SET status = $1, detail = $2, finished_at = $3 WHERE job = $4 AND period = $5",
      [status, detail, now, job, period],
    );
  }

  async jobRuns(job: string, limit = 20) {
    return (
      await this.rows(
        "SELECT * FROM job_runs WHERE job = $1 ORDER BY started_at DESC, period DESC LIMIT $2",
        [job, limit],
      )
    ).map(jobRunOf);
  }

  async secret(name: string) {
    await this.count(
      "INSERT INTO delivery_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
      [name, randomBytes(32).toString("base64url")],
    );
    return String((await this.first("SELECT value FROM delivery_secrets WHERE name = $1", [name]))!.value);
  }
}
