/**
 * SQLite schema, as numbered migrations applied in order, each in its own transaction, recorded
 * in `schema_migrations`. Never edit a released migration; append a new one.
 */
import { SQLITE_COMMUNITY_MIGRATION } from "../community/schema.js";
import { SQLITE_HARVEST_MIGRATION } from "../harvest/schema.js";
import { SQLITE_EVENTS_MIGRATION } from "../events/schema.js";
import { SQLITE_STARS_MIGRATION } from "../community/stars-schema.js";
import { SQLITE_THUMBNAIL_MIGRATION } from "../community/thumbnail-schema.js";
import { SQLITE_OUTBOX_ACCOUNT_MIGRATION } from "../outbox/schema.js";
import { SQLITE_INTERESTS_MIGRATION } from "../community/interests-schema.js";
import { SQLITE_USERNAME_MIGRATION } from "../community/usernames.js";
import { SQLITE_COMMENT_COUNT_MIGRATION } from "../community/comment-counts.js";
import type { Migration } from "../migration.js";

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "papers, change log, day counts",
    sql: `
      CREATE TABLE papers (
        -- rowid table (not WITHOUT ROWID): rows carry a whole paper as JSON, too wide for a clustered key.
        id TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL CHECK (version >= 1),
        announced TEXT NOT NULL CHECK (announced GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        primary_category TEXT NOT NULL,
        -- seq of this paper's latest change in the change log
        seq INTEGER NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX papers_announced ON papers (announced DESC, id);
      CREATE INDEX papers_primary_category ON papers (primary_category);

      -- One row per paper id: its latest change. Re-changing an id replaces its row with a new,
      -- higher seq (AUTOINCREMENT never reuses one), so replaying from any seq yields every id
      -- whose state changed since, and the log stays as small as the set of ids ever stored.
      CREATE TABLE changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('upsert', 'delete'))
      );

      -- Papers per announcement day, kept by triggers, so the daily views and counts never scan papers.
      -- (No INSERT OR IGNORE in triggers: the upsert that fires them would override the OR clause.)
      CREATE TABLE day_counts (
        day TEXT PRIMARY KEY,
        count INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TRIGGER papers_day_insert AFTER INSERT ON papers BEGIN
        INSERT INTO day_counts (day, count) SELECT NEW.announced, 0 WHERE NOT EXISTS (SELECT 1 FROM day_counts WHERE day = NEW.announced);
        UPDATE day_counts SET count = count + 1 WHERE day = NEW.announced;
      END;
      CREATE TRIGGER papers_day_delete AFTER DELETE ON papers BEGIN
        UPDATE day_counts SET count = count - 1 WHERE day = OLD.announced;
        DELETE FROM day_counts WHERE day = OLD.announced AND count <= 0;
      END;
      CREATE TRIGGER papers_day_move AFTER UPDATE OF announced ON papers
      WHEN OLD.announced <> NEW.announced BEGIN
        UPDATE day_counts SET count = count - 1 WHERE day = OLD.announced;
        DELETE FROM day_counts WHERE day = OLD.announced AND count <= 0;
        INSERT INTO day_counts (day, count) SELECT NEW.announced, 0 WHERE NOT EXISTS (SELECT 1 FROM day_counts WHERE day = NEW.announced);
        UPDATE day_counts SET count = count + 1 WHERE day = NEW.announced;
      END;
    `,
  },
  {
    version: 2,
    name: "mail delivery: subscribers, saved searches, outbox, shown papers, suppressions, jobs",
    sql: `
      CREATE TABLE subscribers (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        cadence TEXT NOT NULL CHECK (cadence IN ('daily', 'weekly')),
        status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'unsubscribed')),
        created_at TEXT NOT NULL,
        confirmed_at TEXT,
        -- period key of the last digest queued ("2024-01-15", "2024-W03"); sorts within a cadence
        last_period TEXT,
        -- seam for accounts: the member owning this subscription
        account_id TEXT
      );
      CREATE INDEX subscribers_due ON subscribers (cadence, status, id);

      CREATE TABLE saved_searches (
        id INTEGER PRIMARY KEY,
        subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        query TEXT NOT NULL,
        exclude TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL
      );
      CREATE INDEX saved_searches_subscriber ON saved_searches (subscriber_id, id);

      -- Messages to send. The key is the idempotency key (one row per subscriber and period) and
      -- the Message-ID; payload says what to render, so rows stay small.
      CREATE TABLE outbox (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('confirm', 'digest')),
        subscriber_id INTEGER NOT NULL,
        email TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'handed', 'sent', 'failed')),
        not_before TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        owner TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
      ) WITHOUT ROWID;
      CREATE INDEX outbox_due ON outbox (status, not_before);

      -- A paper is shown to a subscriber once, ever.
      CREATE TABLE shown_papers (
        subscriber_id INTEGER NOT NULL,
        paper_id TEXT NOT NULL,
        PRIMARY KEY (subscriber_id, paper_id)
      ) WITHOUT ROWID;

      CREATE TABLE suppressions (email TEXT PRIMARY KEY, reason TEXT NOT NULL, created_at TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE job_locks (name TEXT PRIMARY KEY, owner TEXT NOT NULL, until TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE job_runs (
        job TEXT NOT NULL,
        period TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        detail TEXT,
        PRIMARY KEY (job, period)
      ) WITHOUT ROWID;
      CREATE TABLE delivery_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: "api tokens",
    sql: `
      -- Bearer tokens for the JSON API. Only the SHA-256 of a token is kept; the token is shown once.
      CREATE TABLE api_tokens (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        prefix TEXT NOT NULL,
        -- owner until accounts exist; account_id is the seam for the member who owns it then
        email TEXT NOT NULL,
        account_id TEXT,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at TEXT
      );
      CREATE INDEX api_tokens_email ON api_tokens (email, id);
    `,
  },
  SQLITE_COMMUNITY_MIGRATION,
  SQLITE_HARVEST_MIGRATION,
  SQLITE_EVENTS_MIGRATION,
  SQLITE_STARS_MIGRATION,
  SQLITE_THUMBNAIL_MIGRATION,
  SQLITE_OUTBOX_ACCOUNT_MIGRATION,
  SQLITE_INTERESTS_MIGRATION,
  SQLITE_USERNAME_MIGRATION,
  SQLITE_COMMENT_COUNT_MIGRATION,
];

export const LATEST_SCHEMA = MIGRATIONS.at(-1)!.version;
