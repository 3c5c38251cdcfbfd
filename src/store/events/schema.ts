/**
 * Paper events and follows, written once for both backends (the same dialect words as
 * community/schema.ts: `serial` auto-numbered key, `time` ISO-8601 text that sorts byte-wise,
 * `key` text compared byte-wise). Appended to each backend's migration list as version 6.
 */
import { migrationPair, type SqlDialect } from "../migration.js";

function schema(d: SqlDialect): string {
  return `
    -- What changed about a stored paper (src/store/event-types.ts). One row per (paper, kind,
    -- detail): writing the same change again (a re-import) adds nothing.
    CREATE TABLE paper_events (
      id ${d.serial},
      paper_id ${d.key} NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('version', 'doi', 'journal_ref', 'code', 'withdrawn')),
      detail TEXT NOT NULL,
      happened_at ${d.time} NOT NULL,
      recorded_at ${d.time} NOT NULL,
      UNIQUE (paper_id, kind, detail)
    );
    CREATE INDEX paper_events_paper ON paper_events (paper_id, happened_at);

    -- Members following papers; the events of followed papers reach them by digest and feed.
    CREATE TABLE follows (
      user_id ${d.ref} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      paper_id ${d.key} NOT NULL,
      created_at ${d.time} NOT NULL,
      PRIMARY KEY (user_id, paper_id)
    )${d.tail};
    CREATE INDEX follows_paper ON follows (paper_id, user_id);

    -- Per-member follow settings: follow what I upvote or collect (0/1), and the generation of
    -- the secret feed URL (src/actions/follow/feed-link.ts), raised to revoke the old URL.
    CREATE TABLE follow_prefs (
      user_id ${d.ref} PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      follow_on_activity INTEGER NOT NULL DEFAULT 0 CHECK (follow_on_activity IN (0, 1)),
      feed_generation INTEGER NOT NULL DEFAULT 0
    )${d.tail};
  `;
}

const NAME = "paper events, follows, follow settings";

const PAIR = migrationPair(6, NAME, schema);
export const SQLITE_EVENTS_MIGRATION = PAIR.sqlite;
export const PG_EVENTS_MIGRATION = PAIR.postgres;
