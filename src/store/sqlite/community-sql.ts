/**
 * The community store's SQL surface on SQLite: its own better-sqlite3 connection to the paperfeed
 * file. better-sqlite3 is synchronous, but a transaction's body awaits between statements; a
 * queue keeps every other statement of this connection out until it commits, so nothing from
 * another request ever lands inside (or is rolled back with) someone else's transaction.
 */
import path from "node:path";
import type Database from "better-sqlite3";
import { SqlCommunityStore } from "../community/store.js";
import type { Row, Sql, SqlDatabase } from "../community/sql.js";
import { describeSqliteError, openSqliteDatabase, type SqliteOpenOptions } from "./open-database.js";

class SqliteSql implements SqlDatabase {
  readonly dialect = "sqlite" as const;
  private readonly cache = new Map<string, Database.Statement>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
  ) {}

  private statement(sql: string): Database.Statement {
    let st = this.cache.get(sql);
    if (!st) this.cache.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  /** Direct access, for use inside a transaction the caller holds. */
  private readonly direct: Sql = {
    dialect: "sqlite",
    all: async (sql, params = []) => this.statement(sql).all(...params) as Row[],
    get: async (sql, params = []) => {
      const st = this.statement(sql);
      // INSERT/UPDATE/DELETE … RETURNING run through get() too.
      return st.get(...params) as Row | undefined;
    },
    run: async (sql, params = []) => this.statement(sql).run(...params).changes,
  };

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work).catch((error: unknown) => {
      throw describeSqliteError(this.file, error);
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  all = (sql: string, params?: readonly unknown[]) => this.serial(() => this.direct.all(sql, params));
  get = (sql: string, params?: readonly unknown[]) => this.serial(() => this.direct.get(sql, params));
  run = (sql: string, params?: readonly unknown[]) => this.serial(() => this.direct.run(sql, params));

  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await work(this.direct);
        this.db.exec("COMMIT");
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw error;
      }
    });
  }

  async close() {
    await this.queue;
    this.db.close();
  }
}

export function openSqliteCommunityStore(options: SqliteOpenOptions): SqlCommunityStore {
  const store = new SqlCommunityStore(new SqliteSql(openSqliteDatabase(options), path.resolve(options.path)));
  // First in this connection's queue, so every later statement sees the usernames; a failure
  // (the file turned read-only) surfaces again on the first write.
  void store.assignMissingUsernames().catch(() => undefined);
  return store;
}
