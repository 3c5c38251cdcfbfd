/**
 * The GitHub star tables (src/store/star-types.ts), written once for both backends like
 * schema.ts. Appended to each backend's list as migration 7.
 */
import { migrationPair, type SqlDialect } from "../migration.js";

function schema(d: SqlDialect): string {
  return `
    -- One row per repository any paper links to; status is NULL until the first check.
    CREATE TABLE github_repos (
      repo ${d.key} PRIMARY KEY,
      full_name TEXT,
      status TEXT CHECK (status IN ('ok', 'gone', 'blocked')),
      stars INTEGER,
      etag TEXT,
      checked_at ${d.time}
    )${d.tail};
    CREATE INDEX github_repos_checked ON github_repos (checked_at);

    CREATE TABLE paper_repos (
      paper_id ${d.key} NOT NULL,
      repo ${d.key} NOT NULL REFERENCES github_repos (repo) ON DELETE CASCADE,
      PRIMARY KEY (paper_id, repo)
    )${d.tail};
    CREATE INDEX paper_repos_repo ON paper_repos (repo);

    -- One row per repository per UTC day: the day's last observation.
    CREATE TABLE star_history (
      repo ${d.key} NOT NULL REFERENCES github_repos (repo) ON DELETE CASCADE,
      day ${d.time} NOT NULL,
      stars INTEGER NOT NULL,
      observed_at ${d.time} NOT NULL,
      PRIMARY KEY (repo, day)
    )${d.tail};

    -- Small facts about the GitHub client, e.g. until when a rate limit pauses it.
    CREATE TABLE github_state (name ${d.key} PRIMARY KEY, value TEXT NOT NULL)${d.tail};
  `;
}

const NAME = "GitHub stars: repositories, paper links, star history, rate-limit pause";

const PAIR = migrationPair(7, NAME, schema);
export const SQLITE_STARS_MIGRATION = PAIR.sqlite;
export const PG_STARS_MIGRATION = PAIR.postgres;
