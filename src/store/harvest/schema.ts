/**
 * The harvest checkpoint table, written once for both backends: one row per harvested (endpoint,
 * set) key, rewritten after every OAI-PMH page, so a harvest killed at any point resumes where
 * it stopped. Days are "YYYY-MM-DD" text and times ISO-8601 text, sorting byte-wise on both
 * (the "C" collation on PostgreSQL). Appended to each backend's list as migration 5.
 */
import { migrationPair, type SqlDialect } from "../migration.js";

function schema(d: SqlDialect): string {
  return `
    CREATE TABLE harvest_state (
      key ${d.key} PRIMARY KEY,
      -- from / until of the run in progress or the last run (null: open-ended)
      run_from TEXT,
      run_until TEXT,
      -- the server's day when the run began (its first responseDate): where the next run starts
      run_date TEXT,
      metadata_prefix TEXT,
      -- the next page of the run in progress; null when no run is in progress
      resumption_token TEXT,
      -- where the next run starts, once a run has completed
      next_from TEXT,
      updated_at ${d.key} NOT NULL
    )${d.tail};
  `;
}

const NAME = "harvest checkpoints";

const PAIR = migrationPair(5, NAME, schema);
export const SQLITE_HARVEST_MIGRATION = PAIR.sqlite;
export const PG_HARVEST_MIGRATION = PAIR.postgres;

/** The columns in the order both backends bind them. */
export const HARVEST_COLUMNS = [
  "run_from",
  "run_until",
  "run_date",
  "metadata_prefix",
  "resumption_token",
  "next_from",
  "updated_at",
] as const;
