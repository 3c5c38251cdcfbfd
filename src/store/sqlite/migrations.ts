/**
 * SQLite schema, as numbered migrations applied in order, each in its own transaction, recorded
 * in `schema_migrations`. Never edit a released migration; append a new one.
 */
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
];

export const LATEST_SCHEMA = MIGRATIONS.at(-1)!.version;
