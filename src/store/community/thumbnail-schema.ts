/**
 * The thumbnails table, written once for both backends (like schema.ts): one row per paper, either
 * a ready image (format, size, bytes, etag) or a failure (reason, attempts, when to retry).
 * SQLite keeps it a rowid table: rows carry images of tens of kilobytes, too wide for a clustered
 * key. Appended to each backend's list as migration 8.
 */
import { migrationPair, type SqlDialect } from "../migration.js";

function schema(d: SqlDialect): string {
  return `
    CREATE TABLE thumbnails (
      paper_id ${d.key} NOT NULL PRIMARY KEY,
      status TEXT NOT NULL CHECK (status IN ('ready', 'failed')),
      format TEXT CHECK (format IN ('webp', 'png')),
      width INTEGER,
      height INTEGER,
      bytes ${d.bytes},
      etag TEXT,
      rendered_at ${d.time},
      -- failures: why, how many times, and not before when to try again
      reason TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      failed_at ${d.time},
      retry_at ${d.time},
      CHECK (status = 'failed' OR (format IS NOT NULL AND bytes IS NOT NULL AND width > 0 AND height > 0 AND etag IS NOT NULL))
    );
    CREATE INDEX thumbnails_retry ON thumbnails (status, retry_at);
  `;
}

const NAME = "thumbnails: first-page images of papers, or why there is none";

const PAIR = migrationPair(8, NAME, schema);
export const SQLITE_THUMBNAIL_MIGRATION = PAIR.sqlite;
export const PG_THUMBNAIL_MIGRATION = PAIR.postgres;
