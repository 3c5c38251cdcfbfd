/** Users, sessions, one-time email tokens, rate-limit windows, settings and secrets. */
import { randomBytes } from "node:crypto";
import { PaperfeedError } from "../../core/errors.js";
import type * as C from "../community-types.js";
import { SUBMISSION_POLICIES } from "../community-types.js";
import { normalizeEmail } from "../delivery-rows.js";
import { userOf, validDisplayName, validRole } from "./rows.js";
import type { Sql, SqlDatabase } from "./sql.js";
import { MISSING_USERNAMES_SQL, SET_USERNAME_SQL, TAKEN_USERNAMES_SQL, freeUsername, planUsernames, usernameBase } from "./usernames.js";

/** Usernames already taken among `base` and `base-N`. */
async function takenLike(db: Sql, base: string): Promise<Set<string>> {
  const rows = await db.all("SELECT username FROM users WHERE username = ? OR username LIKE ?", [base, `${base}-%`]);
  return new Set(rows.map((r) => String(r.username)));
}

const USER_COLUMNS = "id, email, display_name, username, role, email_verified_at, created_at";
const DEFAULT_SETTINGS: C.CommunitySettings = { submissions: "members", dailyCap: 3 };

export class AccountsPart {
  constructor(protected readonly db: SqlDatabase) {}

  async createUser(input: C.NewUser): Promise<C.User> {
    const email = normalizeEmail(input.email);
    const displayName = validDisplayName(input.displayName);
    const role = validRole(input.role ?? "member");
    const base = usernameBase(displayName);
    // One statement, no transaction (an open one would hold SQLite's write lock across awaits): a
    // username someone took since it was read as free makes the insert do nothing, and we pick again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const username = freeUsername(base, await takenLike(this.db, base));
      const row = await this.db.get(
        `INSERT INTO users (email, display_name, username, password_hash, role, email_verified_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING RETURNING ${USER_COLUMNS}`,
        [email, displayName, username, String(input.passwordHash), role, input.emailVerifiedAt ?? null, input.now],
      );
      if (row) return userOf(row);
      if (await this.getUserByEmail(email)) throw new PaperfeedError("store", "email_taken", `an account for ${email} exists already`, 409);
    }
    throw new PaperfeedError("store", "username_busy", `could not find a free username for "${displayName}"; try again`, 503);
  }

  /**
   * Gives every account made before usernames existed (migration 13) one derived from its display
   * name (`planUsernames`). Run when a PostgreSQL store opens; SQLite does it synchronously
   * (sqlite/community-sql.ts), since an open transaction awaiting here would hold the file's write
   * lock while another connection of the same process blocks the thread waiting for it.
   */
  async assignMissingUsernames(): Promise<number> {
    if ((await this.db.all(MISSING_USERNAMES_SQL)).length === 0) return 0;
    return this.db.transaction(async (tx) => {
      const plan = planUsernames(await tx.all(MISSING_USERNAMES_SQL), (await tx.all(TAKEN_USERNAMES_SQL)).map((r) => r.username));
      for (const { id, username } of plan) await tx.run(SET_USERNAME_SQL, [username, id]);
      return plan.length;
    });
  }

  async getUser(id: number) {
    const row = await this.db.get(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`, [id]);
    return row ? userOf(row) : null;
  }

  async getUserByEmail(email: string) {
    const row = await this.db.get(`SELECT ${USER_COLUMNS} FROM users WHERE email = ?`, [String(email).trim().toLowerCase()]);
    return row ? userOf(row) : null;
  }

  async credentials(email: string): Promise<C.Credentials | null> {
    const row = await this.db.get(`SELECT ${USER_COLUMNS}, password_hash FROM users WHERE email = ?`, [String(email).trim().toLowerCase()]);
    return row ? { ...userOf(row), passwordHash: String(row.password_hash) } : null;
  }

  async updateUser(id: number, patch: C.UserPatch) {
    const row = await this.db.get(
      `UPDATE users SET display_name = coalesce(?, display_name), role = coalesce(?, role), password_hash = coalesce(?, password_hash),
         email_verified_at = coalesce(email_verified_at, ?) WHERE id = ? RETURNING ${USER_COLUMNS}`,
      [
        patch.displayName === undefined ? null : validDisplayName(patch.displayName),
        patch.role === undefined ? null : validRole(patch.role),
        patch.passwordHash ?? null,
        patch.emailVerifiedAt ?? null,
        id,
      ],
    );
    return row ? userOf(row) : null;
  }

  /** Members, tombstones of deleted ones not counted (their address is in `.invalid`, members.ts). */
  async countUsers(role?: C.Role) {
    return Number((await this.db.get("SELECT count(*) AS n FROM users WHERE role = coalesce(?, role) AND email NOT LIKE 'deleted-%@deleted.invalid'", [role ?? null]))!.n);
  }

  async createSession(s: C.NewSession) {
    await this.db.run("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)", [s.tokenHash, s.userId, s.now, s.expiresAt]);
  }

  async sessionUser(tokenHash: string, now: string) {
    const row = await this.db.get(
      `SELECT ${USER_COLUMNS.replace(/(\w+)/g, "u.$1")} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?`,
      [tokenHash, now],
    );
    return row ? userOf(row) : null;
  }

  async deleteSession(tokenHash: string) {
    await this.db.run("DELETE FROM sessions WHERE token_hash = ?", [tokenHash]);
  }

  async deleteUserSessions(userId: number) {
    await this.db.run("DELETE FROM sessions WHERE user_id = ?", [userId]);
  }

  async createEmailToken(t: C.NewEmailToken) {
    await this.db.run("INSERT INTO email_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)", [t.tokenHash, t.userId, t.purpose, t.now, t.expiresAt]);
  }

  async consumeEmailToken(tokenHash: string, purpose: C.EmailTokenPurpose, now: string) {
    const row = await this.db.get(
      "UPDATE email_tokens SET used_at = ? WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id",
      [now, tokenHash, purpose, now],
    );
    return row ? Number(row.user_id) : null;
  }

  async hitRateLimit(key: string, now: string, windowMs: number, limit: number): Promise<C.RateHit> {
    const start = new Date(Math.floor(Date.parse(now) / windowMs) * windowMs).toISOString();
    const row = await this.db.get(
      `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
       ON CONFLICT (key) DO UPDATE SET count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END,
         window_start = excluded.window_start
       RETURNING count`,
      [key, start],
    );
    const count = Number(row!.count);
    return { allowed: count <= limit, count, resetAt: new Date(Date.parse(start) + windowMs).toISOString() };
  }

  async peekRateLimit(key: string, now: string, windowMs: number, limit: number): Promise<C.RateHit> {
    const start = new Date(Math.floor(Date.parse(now) / windowMs) * windowMs).toISOString();
    const row = await this.db.get("SELECT count FROM rate_limits WHERE key = ? AND window_start = ?", [key, start]);
    const count = row ? Number(row.count) : 0;
    return { allowed: count < limit, count, resetAt: new Date(Date.parse(start) + windowMs).toISOString() };
  }

  async settings(): Promise<C.CommunitySettings> {
    const rows = await this.db.all("SELECT name, value FROM community_settings");
    const stored = Object.fromEntries(rows.map((r) => [String(r.name), JSON.parse(String(r.value)) as unknown]));
    return { ...DEFAULT_SETTINGS, ...stored } as C.CommunitySettings;
  }

  async updateSettings(patch: Partial<C.CommunitySettings>) {
    if (patch.submissions !== undefined && !SUBMISSION_POLICIES.includes(patch.submissions)) {
      throw new PaperfeedError("store", "invalid_setting", `submissions must be ${SUBMISSION_POLICIES.join(", ")}, got ${patch.submissions}`);
    }
    if (patch.dailyCap !== undefined && !(Number.isInteger(patch.dailyCap) && patch.dailyCap >= 0 && patch.dailyCap <= 100)) {
      throw new PaperfeedError("store", "invalid_setting", `dailyCap must be an integer 0–100, got ${patch.dailyCap}`);
    }
    for (const [name, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      await this.db.run("INSERT INTO community_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value", [name, JSON.stringify(value)]);
    }
    return this.settings();
  }

  async secret(name: string) {
    await this.db.run("INSERT INTO community_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", [name, randomBytes(32).toString("base64url")]);
    return String((await this.db.get("SELECT value FROM community_secrets WHERE name = ?", [name]))!.value);
  }

  close() {
    return this.db.close();
  }
}
