/**
 * What "For you" learns from besides votes, collections and follows (src/rank/for-you): the
 * authors and categories a member follows, the papers they marked "Not interested", and one read
 * state — each paper shown to them on the For you page or in a digest, so it is not shown again.
 * Written once for both backends like schema.ts.
 */
import { migrationPair, type SqlDialect } from "../migration.js";

function schema(d: SqlDialect): string {
  return `
    -- kind 'author': value is the name as written on papers; kind 'category': an arXiv category.
    CREATE TABLE interests (
      user_id ${d.ref} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('author', 'category')),
      value ${d.key} NOT NULL,
      created_at ${d.time} NOT NULL,
      PRIMARY KEY (user_id, kind, value)
    )${d.tail};

    CREATE TABLE not_interested (
      user_id ${d.ref} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      paper_id ${d.key} NOT NULL,
      created_at ${d.time} NOT NULL,
      PRIMARY KEY (user_id, paper_id)
    )${d.tail};

    -- First time a paper was shown to a member (For you page or digest).
    CREATE TABLE seen_papers (
      user_id ${d.ref} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      paper_id ${d.key} NOT NULL,
      seen_at ${d.time} NOT NULL,
      PRIMARY KEY (user_id, paper_id)
    )${d.tail};
  `;
}

const PAIR = migrationPair(10, "for you: followed authors and categories, not interested, seen papers", schema);
export const SQLITE_INTERESTS_MIGRATION = PAIR.sqlite;
export const PG_INTERESTS_MIGRATION = PAIR.postgres;
