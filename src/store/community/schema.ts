/**
 * The community tables, written once for both backends: `serial` is the auto-numbered key,
 * `time` a text column of ISO-8601 times that sorts byte-wise (the "C" collation on PostgreSQL,
 * as the delivery tables do), `real` a float. Appended to each backend's list as migration 4.
 */
import { migrationPair, type SqlDialect } from "../migration.js";

function schema(d: SqlDialect): string {
  return `
    CREATE TABLE users (
      id ${d.serial},
      email ${d.key} NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      -- scrypt, encoded with its parameters and salt; never the password
      password_hash TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin', 'curator', 'member')),
      email_verified_at ${d.time},
      created_at ${d.time} NOT NULL
    );

    -- Sessions and one-time email tokens are stored by the SHA-256 of their secret.
    CREATE TABLE sessions (
      token_hash ${d.key} PRIMARY KEY,
      user_id ${d.ref} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at ${d.time} NOT NULL,
      expires_at ${d.time} NOT NULL
    )${d.tail};
    CREATE INDEX sessions_user ON sessions (user_id);
    CREATE TABLE email_tokens (
      token_hash ${d.key} PRIMARY KEY,
      user_id ${d.ref} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset')),
      created_at ${d.time} NOT NULL,
      expires_at ${d.time} NOT NULL,
      used_at ${d.time}
    )${d.tail};

    -- Fixed-window counters: sign-in, sign-up, submission and comment limits.
    CREATE TABLE rate_limits (key ${d.key} PRIMARY KEY, window_start ${d.time} NOT NULL, count INTEGER NOT NULL)${d.tail};
    CREATE TABLE community_settings (name ${d.key} PRIMARY KEY, value TEXT NOT NULL)${d.tail};
    CREATE TABLE community_secrets (name ${d.key} PRIMARY KEY, value TEXT NOT NULL)${d.tail};

    -- A paper is on at most one day's list (no duplicates).
    CREATE TABLE daily_entries (
      paper_id ${d.key} PRIMARY KEY,
      day ${d.time} NOT NULL,
      user_id ${d.ref} NOT NULL REFERENCES users (id),
      created_at ${d.time} NOT NULL
    )${d.tail};
    CREATE INDEX daily_entries_day ON daily_entries (day);
    CREATE INDEX daily_entries_user ON daily_entries (user_id, day);

    CREATE TABLE votes (
      user_id ${d.ref} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      paper_id ${d.key} NOT NULL,
      created_at ${d.time} NOT NULL,
      PRIMARY KEY (user_id, paper_id)
    )${d.tail};
    CREATE INDEX votes_user ON votes (user_id, created_at);

    CREATE TABLE comments (
      id ${d.serial},
      paper_id ${d.key} NOT NULL,
      user_id ${d.ref} NOT NULL REFERENCES users (id),
      parent_id ${d.ref} REFERENCES comments (id),
      body TEXT NOT NULL,
      created_at ${d.time} NOT NULL,
      edited_at ${d.time},
      hidden_at ${d.time},
      deleted_at ${d.time}
    );
    CREATE INDEX comments_paper ON comments (paper_id, id);

    CREATE TABLE collections (
      id ${d.serial},
      user_id ${d.ref} NOT NULL REFERENCES users (id),
      name TEXT NOT NULL,
      is_public INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
      created_at ${d.time} NOT NULL,
      UNIQUE (user_id, name)
    );
    CREATE TABLE collection_items (
      collection_id ${d.ref} NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
      paper_id ${d.key} NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      added_at ${d.time} NOT NULL,
      PRIMARY KEY (collection_id, paper_id)
    )${d.tail};

    -- Per-paper counters for lists and trending, kept up to date by every vote, comment and
    -- collection add (community/heat.ts explains the decayed "heat" columns).
    CREATE TABLE paper_activity (
      paper_id ${d.key} PRIMARY KEY,
      votes INTEGER NOT NULL DEFAULT 0,
      comments INTEGER NOT NULL DEFAULT 0,
      collection_adds INTEGER NOT NULL DEFAULT 0,
      vote_heat ${d.real} NOT NULL DEFAULT 0,
      comment_heat ${d.real} NOT NULL DEFAULT 0,
      collect_heat ${d.real} NOT NULL DEFAULT 0,
      heat_at ${d.time} NOT NULL,
      last_activity_at ${d.time} NOT NULL,
      stars INTEGER,
      stars_at ${d.time},
      prev_stars INTEGER,
      prev_stars_at ${d.time}
    )${d.tail};
    CREATE INDEX paper_activity_recent ON paper_activity (last_activity_at);
  `;
}

const NAME = "community: users, sessions, email tokens, rate limits, daily lists, votes, comments, collections, paper activity";

const PAIR = migrationPair(4, NAME, schema);
export const SQLITE_COMMUNITY_MIGRATION = PAIR.sqlite;
export const PG_COMMUNITY_MIGRATION = PAIR.postgres;
