/** The community store's SQL surface on PostgreSQL, on its own small pg Pool. */
import type pg from "pg";
import { SqlCommunityStore } from "../community/store.js";
import type { Row, Sql, SqlDatabase } from "../community/sql.js";
import { connectPostgres, describePgError, type PostgresOpenOptions } from "./connect.js";
import { inTransaction } from "./pooled.js";

/** `?` placeholders become `$1, $2, …` (the community queries hold no literal question marks). */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

function surface(client: Pick<pg.Pool, "query">, location: string): Sql {
  const query = async (sql: string, params: readonly unknown[] = []) => {
    try {
      return await client.query(numbered(sql), params as unknown[]);
    } catch (error) {
      throw describePgError(location, error);
    }
  };
  return {
    dialect: "postgres",
    all: async (sql, params) => (await query(sql, params)).rows as Row[],
    get: async (sql, params) => (await query(sql, params)).rows[0] as Row | undefined,
    run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
  };
}

class PostgresSql implements SqlDatabase {
  readonly dialect = "postgres" as const;
  private readonly pooled: Sql;
  all: Sql["all"];
  get: Sql["get"];
  run: Sql["run"];

  constructor(
    private readonly pool: pg.Pool,
    private readonly location: string,
  ) {
    this.pooled = surface(pool, location);
    this.all = this.pooled.all;
    this.get = this.pooled.get;
    this.run = this.pooled.run;
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw describePgError(this.location, error);
    }
    return inTransaction(client, () => work(surface(client, this.location)));
  }

  close() {
    return this.pool.end();
  }
}

export async function openPostgresCommunityStore(options: PostgresOpenOptions): Promise<SqlCommunityStore> {
  const { pool, location } = await connectPostgres({ poolSize: 4, ...options });
  const store = new SqlCommunityStore(new PostgresSql(pool, location));
  try {
    await store.assignMissingUsernames();
  } catch (error) {
    await pool.end();
    throw error;
  }
  return store;
}
