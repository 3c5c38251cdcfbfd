/**
 * Migration 9: the outbox also carries account mail (kind 'account': verification, password
 * reset, "someone tried to sign up with your address"), so a visitor never waits for the mail
 * server. SQLite cannot change a CHECK constraint in place, so its table is rebuilt (same
 * columns, rows and index); PostgreSQL swaps the constraint. Appended to each backend's
 * migration list.
 */
import type { Migration } from "../migration.js";

const VERSION = 9;
const NAME = "outbox: account mail";
const KINDS = "('confirm', 'digest', 'account')";

export const SQLITE_OUTBOX_ACCOUNT_MIGRATION: Migration = {
  version: VERSION,
  name: NAME,
  sql: `
    CREATE TABLE outbox_next (
      key TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ${KINDS}),
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
    INSERT INTO outbox_next (key, kind, subscriber_id, email, payload, status, not_before, attempts, last_error, owner, created_at, sent_at)
      SELECT key, kind, subscriber_id, email, payload, status, not_before, attempts, last_error, owner, created_at, sent_at FROM outbox;
    DROP TABLE outbox;
    ALTER TABLE outbox_next RENAME TO outbox;
    CREATE INDEX outbox_due ON outbox (status, not_before);
  `,
};

export const PG_OUTBOX_ACCOUNT_MIGRATION: Migration = {
  version: VERSION,
  name: NAME,
  sql: `
    ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
    ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ${KINDS});
  `,
};
