/**
 * Usernames: the URL-safe, unique handle of an account (`ada-lovelace`), for profile links and the
 * Hugging Face-compatible API's `user` fields and `?submitter=`. Derived from the display name
 * when an account is made (and, by migration 11, for accounts made before), then kept when the
 * display name changes, so links stay valid.
 */
import { migrationPair, type SqlDialect } from "../migration.js";

/** Lower-case ASCII letters and digits, single hyphens inside; 1–30 characters. */
export const USERNAME = /^[a-z0-9](?:[a-z0-9-]{0,28}[a-z0-9])?$/;
const BASE_LENGTH = 24; // leaves room for a "-NNNNN" suffix within 30

/** "Ada Lovelace" → "ada-lovelace", "Émile Ç." → "emile-c"; "member" when nothing URL-safe is left. */
export function usernameBase(displayName: string): string {
  const slug = displayName
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, BASE_LENGTH)
    .replace(/^-+|-+$/g, "");
  return slug || "member";
}

/** The first of `base`, `base-2`, `base-3`, … that `taken` does not hold. */
export function freeUsername(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Accounts without a username, oldest first, and every username taken: what `planUsernames` needs. */
export const MISSING_USERNAMES_SQL = "SELECT id, display_name FROM users WHERE username IS NULL ORDER BY id";
export const TAKEN_USERNAMES_SQL = "SELECT username FROM users WHERE username IS NOT NULL";
export const SET_USERNAME_SQL = "UPDATE users SET username = ? WHERE id = ? AND username IS NULL";

/** Usernames for accounts made before there were any, in order, so the earliest "Ada" gets `ada`. */
export function planUsernames(missing: ReadonlyArray<Record<string, unknown>>, taken: Iterable<unknown>): Array<{ id: number; username: string }> {
  const used = new Set([...taken].map(String));
  return missing.map((row) => {
    const username = freeUsername(usernameBase(String(row.display_name)), used);
    used.add(username);
    return { id: Number(row.id), username };
  });
}

function schema(d: SqlDialect): string {
  return `
    ALTER TABLE users ADD COLUMN username ${d.key};
    CREATE UNIQUE INDEX users_username ON users (username);
  `;
}

const NAME = "users: URL-safe unique usernames (filled from display names when the community store opens)";

const PAIR = migrationPair(11, NAME, schema);
export const SQLITE_USERNAME_MIGRATION = PAIR.sqlite;
export const PG_USERNAME_MIGRATION = PAIR.postgres;
