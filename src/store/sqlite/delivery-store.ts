/**
 * DeliveryStore on SQLite: its own better-sqlite3 connection to the paperfeed file (WAL lets it
 * sit beside the papers connection; the 5 s busy timeout covers their rare write overlaps).
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import type Database from "better-sqlite3";
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
import { describeSqliteError, openSqliteDatabase, type SqliteOpenOptions } from "./open-database.js";

type Row = Record<string, unknown>;

export class SqliteDeliveryStore implements D.DeliveryStore {
  private readonly cache = new Map<string, Database.Statement>();

  private constructor(
    private readonly db: Database.Database,
    private readonly file: string,
  ) {}

  static open(options: SqliteOpenOptions): SqliteDeliveryStore {
    return new SqliteDeliveryStore(openSqliteDatabase(options), path.resolve(options.path));
  }

  private st(sql: string): Database.Statement {
    let statement = this.cache.get(sql);
    if (!statement) this.cache.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }
  private all = (sql: string, ...params: unknown[]) => this.st(sql).all(...params) as Row[];
  private get = (sql: string, ...params: unknown[]) => this.st(sql).get(...params) as Row | undefined;
  private exec = (sql: string, ...params: unknown[]) => this.st(sql).run(...params).changes;

  /** Runs synchronously, resolving or rejecting with a PaperfeedError naming the file. */
  private run<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(describeSqliteError(this.file, error));
    }
  }

  createSubscriber(input: { email: string; cadence: D.Cadence; now: string }) {
    return this.run(() => {
      const email = normalizeEmail(input.email);
      const cadence = requireCadence(input.cadence);
      const created =
        this.exec(
          "INSERT INTO subscribers (email, cadence, status, created_at) VALUES (?, ?, 'pending', ?) ON CONFLICT (email) DO NOTHING",
          email,
          cadence,
          input.now,
        ) > 0;
      return {
        subscriber: subscriberOf(this.get("SELECT * FROM subscribers WHERE email = ?", email)!),
        created,
      };
    });
  }

  getSubscriber(id: number) {
    return this.run(() => {
      const row = this.get("SELECT * FROM subscribers WHERE id = ?", id);
      return row ? subscriberOf(row) : null;
    });
  }

  getSubscriberByEmail(email: string) {
    return this.run(() => {
      const row = this.get("SELECT * FROM subscribers WHERE email = ?", String(email).trim().toLowerCase());
      return row ? subscriberOf(row) : null;
    });
  }

  updateSubscriber(id: number, patch: { cadence?: D.Cadence; status?: D.SubscriberStatus; now: string }) {
    return this.run(() => {
      const cadence = patch.cadence === undefined ? null : requireCadence(patch.cadence);
      this.exec(
        `UPDATE subscribers SET cadence = coalesce(?, cadence), status = coalesce(?, status),
           confirmed_at = CASE WHEN ? = 'active' THEN coalesce(confirmed_at, ?) ELSE confirmed_at END WHERE id = ?`,
        cadence,
        patch.status ?? null,
        patch.status ?? null,
        patch.now,
        id,
      );
      const row = this.get("SELECT * FROM subscribers WHERE id = ?", id);
      return row ? subscriberOf(row) : null;
    });
  }

  linkAccount(subscriberId: number, accountId: string | null) {
    return this.run(() => {
      const row = this.get(
        "UPDATE subscribers SET account_id = ? WHERE id = ? RETURNING *",
        accountId,
        subscriberId,
      );
      return row ? subscriberOf(row) : null;
    });
  }

  getSubscriberByAccount(accountId: string) {
    return this.run(() => {
      const row = this.get("SELECT * FROM subscribers WHERE account_id = ? ORDER BY id LIMIT 1", accountId);
      return row ? subscriberOf(row) : null;
    });
  }

  dueSubscribers(page: D.SubscriberPage) {
    return this.run(() =>
      this.all(
        `SELECT * FROM subscribers s WHERE cadence = ? AND status = 'active' AND id > ?
           AND (last_period IS NULL OR last_period < ?)
           AND NOT EXISTS (SELECT 1 FROM suppressions x WHERE x.email = s.email)
         ORDER BY id LIMIT ?`,
        page.cadence,
        page.afterId ?? 0,
        page.duePeriod,
        dueLimit(page.limit),
      ).map(subscriberOf),
    );
  }

  countSubscribers(status?: D.SubscriberStatus) {
    return this.run(() =>
      Number(
        this.get(
          "SELECT count(*) AS n FROM subscribers WHERE ? IS NULL OR status = ?",
          status ?? null,
          status ?? null,
        )!.n,
      ),
    );
  }

  addSavedSearch(subscriberId: number, search: D.NewSavedSearch, now: string) {
    return this.run(() => {
      const valid = validateSavedSearch(search);
      const row = this.get(
        "INSERT INTO saved_searches (subscriber_id, name, query, exclude, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *",
        subscriberId,
        valid.name,
        valid.query,
        JSON.stringify(valid.exclude),
        now,
      )!;
      return savedSearchOf(row);
    });
  }

  listSavedSearches(subscriberId: number) {
    return this.run(() =>
      this.all("SELECT * FROM saved_searches WHERE subscriber_id = ? ORDER BY id", subscriberId).map(
        savedSearchOf,
      ),
    );
  }

  savedSearchesOf(subscriberIds: readonly number[]) {
    return this.run(() => {
      const bySubscriber = new Map<number, D.SavedSearch[]>(subscriberIds.map((id) => [id, []]));
      const rows = this.all(
        "SELECT * FROM saved_searches WHERE subscriber_id IN (SELECT value FROM json_each(?)) ORDER BY subscriber_id, id",
        JSON.stringify(subscriberIds),
      );
      for (const row of rows) bySubscriber.get(Number(row.subscriber_id))?.push(savedSearchOf(row));
      return bySubscriber;
    });
  }

  getSavedSearch(id: number) {
    return this.run(() => {
      const row = this.get("SELECT * FROM saved_searches WHERE id = ?", id);
      return row ? savedSearchOf(row) : null;
    });
  }

  deleteSavedSearch(subscriberId: number, id: number) {
    return this.run(
      () => this.exec("DELETE FROM saved_searches WHERE id = ? AND subscriber_id = ?", id, subscriberId) > 0,
    );
  }

  private insertOutbox(m: D.NewOutboxMessage, now: string): boolean {
    return (
      this.exec(
        `INSERT INTO outbox (key, kind, subscriber_id, email, payload, not_before, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
        m.key,
        m.kind,
        m.subscriberId,
        normalizeEmail(m.email),
        m.payload,
        m.notBefore,
        now,
      ) > 0
    );
  }

  enqueue(message: D.NewOutboxMessage, now: string) {
    return this.run(() => this.insertOutbox(message, now));
  }

  enqueueDigests(digests: readonly D.DigestEnqueue[], now: string) {
    return this.run(() =>
      this.db
        .transaction(() => {
          const shown = this.st(
            "INSERT INTO shown_papers (subscriber_id, paper_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
          );
          const period = this.st("UPDATE subscribers SET last_period = ? WHERE id = ?");
          return digests.map((digest) => {
            if (!this.insertOutbox(digest.message, now)) return false;
            for (const id of digest.shownPaperIds) shown.run(digest.message.subscriberId, id);
            period.run(digest.period, digest.message.subscriberId);
            return true;
          });
        })
        .immediate(),
    );
  }

  claimOutbox(owner: string, now: string, limit: number) {
    return this.run(() =>
      this.all(
        `UPDATE outbox SET status = 'sending', owner = ?, attempts = attempts + 1
         WHERE key IN (SELECT key FROM outbox WHERE status = 'pending' AND not_before <= ? ORDER BY not_before, key LIMIT ?)
         RETURNING *`,
        owner,
        now,
        limit,
      )
        .map(outboxOf)
        .sort((a, b) => (a.notBefore + a.key < b.notBefore + b.key ? -1 : 1)),
    );
  }

  markHanded(key: string, owner: string) {
    return this.run(
      () =>
        this.exec(
          "UPDATE outbox SET status = 'handed' WHERE key = ? AND owner = ? AND status = 'sending'",
          key,
          owner,
        ) > 0,
    );
  }

  updateOutbox(key: string, u: D.OutboxUpdate) {
    return this.run(() => {
      this.exec(
        `UPDATE outbox SET status = ?, owner = NULL, not_before = coalesce(?, not_before),
           last_error = CASE WHEN ? THEN ? ELSE last_error END, sent_at = CASE WHEN ? THEN ? ELSE sent_at END,
           payload = coalesce(?, payload) WHERE key = ?`,
        u.status,
        u.notBefore ?? null,
        u.lastError !== undefined ? 1 : 0,
        u.lastError ?? null,
        u.sentAt !== undefined ? 1 : 0,
        u.sentAt ?? null,
        u.payload ?? null,
        key,
      );
    });
  }

  getOutbox(key: string) {
    return this.run(() => {
      const row = this.get("SELECT * FROM outbox WHERE key = ?", key);
      return row ? outboxOf(row) : null;
    });
  }

  countOutbox(status?: D.OutboxStatus) {
    return this.run(() =>
      Number(
        this.get(
          "SELECT count(*) AS n FROM outbox WHERE ? IS NULL OR status = ?",
          status ?? null,
          status ?? null,
        )!.n,
      ),
    );
  }

  outboxOwners() {
    return this.run(() =>
      this.all(
        "SELECT DISTINCT owner FROM outbox WHERE status IN ('sending', 'handed') AND owner IS NOT NULL ORDER BY owner",
      ).map((r) => String(r.owner)),
    );
  }

  recoverOutbox(owner: string, now: string) {
    return this.run(() =>
      this.db
        .transaction((): [number, number] => {
          const requeued = this.exec(
            "UPDATE outbox SET status = 'pending', owner = NULL WHERE owner = ? AND status = 'sending'",
            owner,
          );
          const assumed = this.exec(
            "UPDATE outbox SET status = 'sent', owner = NULL, sent_at = ?, last_error = 'sender stopped after handing the message over; assumed delivered' WHERE owner = ? AND status = 'handed'",
            now,
            owner,
          );
          return [requeued, assumed];
        })
        .immediate(),
    );
  }

  shownPapers(subscriberId: number, paperIds: readonly string[]) {
    return this.run(() => {
      if (paperIds.length === 0) return new Set<string>();
      const rows = this.all(
        "SELECT paper_id FROM shown_papers WHERE subscriber_id = ? AND paper_id IN (SELECT value FROM json_each(?))",
        subscriberId,
        JSON.stringify(paperIds),
      );
      return new Set(rows.map((r) => String(r.paper_id)));
    });
  }

  suppress(email: string, reason: string, now: string) {
    return this.run(
      () =>
        void this.exec(
          "INSERT INTO suppressions (email, reason, created_at) VALUES (?, ?, ?) ON CONFLICT (email) DO NOTHING",
          normalizeEmail(email),
          reason,
          now,
        ),
    );
  }

  isSuppressed(email: string) {
    return this.run(
      () =>
        this.get("SELECT 1 AS x FROM suppressions WHERE email = ?", String(email).trim().toLowerCase()) !==
        undefined,
    );
  }

  acquireLock(name: string, owner: string, now: string, until: string, isDead?: (owner: string) => boolean) {
    return this.run(() =>
      this.db
        .transaction(() => {
          const held = this.get("SELECT owner, until FROM job_locks WHERE name = ?", name);
          const free =
            !held ||
            held.owner === owner ||
            String(held.until) <= now ||
            (isDead?.(String(held.owner)) ?? false);
          if (free)
            this.exec(
              "INSERT INTO job_locks (name, owner, until) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until = excluded.until",
              name,
              owner,
              until,
            );
          return free;
        })
        .immediate(),
    );
  }

  releaseLock(name: string, owner: string) {
    return this.run(() => void this.exec("DELETE FROM job_locks WHERE name = ? AND owner = ?", name, owner));
  }

  startJobRun(job: string, period: string, now: string) {
    return this.run(
      () =>
        this.exec(
          `INSERT INTO job_runs (job, period, status, started_at) VALUES (?, ?, 'running', ?)
           ON CONFLICT (job, period) DO UPDATE SET status = 'running', started_at = excluded.started_at, finished_at = NULL, detail = NULL
           WHERE job_runs.status <> 'done'`,
          job,
          period,
          now,
        ) > 0,
    );
  }

  finishJobRun(job: string, period: string, status: "done" | "failed", detail: string | null, now: string) {
    return this.run(
      () =>
        void this.exec(
          "UPDATE job_runs SET status = ?, detail = ?, finished_at = ? WHERE job = ? AND period = ?",
          status,
          detail,
          now,
          job,
          period,
        ),
    );
  }

  jobRuns(job: string, limit = 20) {
    return this.run(() =>
      this.all(
        "SELECT * FROM job_runs WHERE job = ? ORDER BY started_at DESC, period DESC LIMIT ?",
        job,
        limit,
      ).map(jobRunOf),
    );
  }

  secret(name: string) {
    return this.run(() => {
      this.exec(
        "INSERT INTO delivery_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
        name,
        randomBytes(32).toString("base64url"),
      );
      return String(this.get("SELECT value FROM delivery_secrets WHERE name = ?", name)!.value);
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
