/**
 * PostgreSQL schema, as numbered migrations applied in order, each in its own transaction,
 * recorded in `schema_migrations`. Never edit a released migration; append a new one.
 * Text keys use the "C" collation so ids sort byte-wise, exactly as in SQLite (keyset scans and
 * "then id" ordering must not depend on the server's locale).
 */
import type { Migration } from "../migration.js";

export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "papers, change log, day counts",
    sql: `
      CREATE TABLE papers (
        id TEXT COLLATE "C" PRIMARY KEY,
        version INTEGER NOT NULL CHECK (version >= 1),
        announced DATE NOT NULL,
        primary_category TEXT COLLATE "C" NOT NULL,
        -- seq of this paper's latest change in paper_changes
        seq BIGINT NOT NULL,
        data JSONB NOT NULL
      );
      CREATE INDEX papers_announced ON papers (announced DESC, id);
      CREATE INDEX papers_primary_category ON papers (primary_category);

      -- One row per paper id: its latest change; re-changing an id gives it the next seq, so
      -- replaying from any seq yields every id whose state changed since.
      CREATE SEQUENCE paper_change_seq AS BIGINT;
      CREATE TABLE paper_changes (
        id TEXT COLLATE "C" PRIMARY KEY,
        seq BIGINT NOT NULL UNIQUE DEFAULT nextval('paper_change_seq'),
        kind TEXT NOT NULL CHECK (kind IN ('upsert', 'delete'))
      );

      -- Papers per announcement day, kept by triggers, so the daily views never scan papers.
      CREATE TABLE day_counts (day DATE PRIMARY KEY, count INTEGER NOT NULL);
      CREATE FUNCTION papers_count_days() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          UPDATE day_counts SET count = count - 1 WHERE day = OLD.announced;
          DELETE FROM day_counts WHERE day = OLD.announced AND count <= 0;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO day_counts (day, count) VALUES (NEW.announced, 1)
          ON CONFLICT (day) DO UPDATE SET count = day_counts.count + 1;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER papers_count_days_insert_delete AFTER INSERT OR DELETE ON papers
        FOR EACH ROW EXECUTE FUNCTION papers_count_days();
      CREATE TRIGGER papers_count_days_move AFTER UPDATE OF announced ON papers
        FOR EACH ROW WHEN (OLD.announced IS DISTINCT FROM NEW.announced) EXECUTE FUNCTION papers_count_days();
    `,
  },
];

export const PG_LATEST_SCHEMA = PG_MIGRATIONS.at(-1)!.version;
