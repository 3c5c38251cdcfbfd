/** ApiTokenStore on PostgreSQL, on its own small pg Pool. */
import type pg from "pg";
import { apiTokenOf, validateNewApiToken } from "../api-token-rows.js";
import type { ApiToken, ApiTokenStore, NewApiToken } from "../api-token-types.js";
import { connectPostgres, type PostgresOpenOptions } from "./connect.js";
import { PooledStore } from "./pooled.js";

type Row = Record<string, unknown>;

export class PostgresApiTokenStore extends PooledStore implements ApiTokenStore {
  static async open(options: PostgresOpenOptions): Promise<PostgresApiTokenStore> {
    const { pool, location } = await connectPostgres({ poolSize: 2, ...options });
    return new PostgresApiTokenStore(pool, location);
  }

  private query(sql: string, params: unknown[]): Promise<pg.QueryResult<Row>> {
    return this.run((db) => db.query<Row>(sql, params));
  }

  async createToken(input: NewApiToken): Promise<ApiToken> {
    const t = validateNewApiToken(input);
    const { rows } = await this.query(
      "INSERT INTO api_tokens (token_hash, prefix, email, account_id, name, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *",
      [t.tokenHash, t.prefix, t.email, t.accountId ?? null, t.name, t.now],
    );
    return apiTokenOf(rows[0]!);
  }

  async findActiveToken(tokenHash: string): Promise<ApiToken | null> {
    const { rows } = await this.query("SELECT * FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL", [tokenHash]);
    return rows[0] ? apiTokenOf(rows[0]) : null;
  }

  async touchToken(id: number, now: string): Promise<void> {
    await this.query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2", [now, id]);
  }

  async listTokens(email: string): Promise<ApiToken[]> {
    const { rows } = await this.query("SELECT * FROM api_tokens WHERE email = $1 ORDER BY id", [String(email).trim().toLowerCase()]);
    return rows.map(apiTokenOf);
  }

  async revokeToken(id: number, now: string): Promise<boolean> {
    const { rowCount } = await this.query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", [now, id]);
    return (rowCount ?? 0) > 0;
  }
}
