/** ApiTokenStore on SQLite: its own connection to the paperfeed file, like the delivery store. */
import path from "node:path";
import type Database from "better-sqlite3";
import { apiTokenOf, validateNewApiToken } from "../api-token-rows.js";
import type { ApiToken, ApiTokenStore, NewApiToken } from "../api-token-types.js";
import { describeSqliteError, openSqliteDatabase, type SqliteOpenOptions } from "./open-database.js";

type Row = Record<string, unknown>;

export class SqliteApiTokenStore implements ApiTokenStore {
  private constructor(
    private readonly db: Database.Database,
    private readonly file: string,
  ) {}

  static open(options: SqliteOpenOptions): SqliteApiTokenStore {
    return new SqliteApiTokenStore(openSqliteDatabase(options), path.resolve(options.path));
  }

  /** Runs synchronously, resolving or rejecting with a PaperfeedError naming the file. */
  private run<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(describeSqliteError(this.file, error));
    }
  }

  createToken(input: NewApiToken): Promise<ApiToken> {
    return this.run(() => {
      const t = validateNewApiToken(input);
      const row = this.db
        .prepare("INSERT INTO api_tokens (token_hash, prefix, email, account_id, name, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *")
        .get(t.tokenHash, t.prefix, t.email, t.accountId ?? null, t.name, t.now) as Row;
      return apiTokenOf(row);
    });
  }

  findActiveToken(tokenHash: string): Promise<ApiToken | null> {
    return this.run(() => {
      const row = this.db.prepare("SELECT * FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL").get(tokenHash) as Row | undefined;
      return row ? apiTokenOf(row) : null;
    });
  }

  touchToken(id: number, now: string): Promise<void> {
    return this.run(() => {
      this.db.prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").run(now, id);
    });
  }

  listTokens(email: string): Promise<ApiToken[]> {
    return this.run(() =>
      (this.db.prepare("SELECT * FROM api_tokens WHERE email = ? ORDER BY id").all(String(email).trim().toLowerCase()) as Row[]).map(apiTokenOf),
    );
  }

  revokeToken(id: number, now: string): Promise<boolean> {
    return this.run(() => this.db.prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").run(now, id).changes > 0);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
