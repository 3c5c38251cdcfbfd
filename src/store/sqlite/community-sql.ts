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
import { MISSING_USERNAMES_SQL, SET_USERNAME_SQL, TAKEN_USERNAMES_SQL, planUsernames } from "../community/usernames.js";
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

/** `AccountsPart.assignMissingUsernames`, synchronously: no other statement can wait on it. */
function assignMissingUsernames(db: Database.Database, file: string): void {
  try {
    const missing = db.prepare(MISSING_USERNAMES_SQL).all() as Row[];
    if (missing.length === 0) return;
    db.transaction(() => {
      const plan = planUsernames(db.prepare(MISSING_USERNAMES_SQL).all() as Row[], db.prepare(TAKEN_USERNAMES_SQL).pluck().all());
      const set = db.prepare(SET_USERNAME_SQL);
      for (const { id, username } of plan) set.run(username, id);
    }).immediate();
  } catch (error) {
    db.close();
    throw describeSqliteError(file, error);
  }
}

export function openSqliteCommunityStore(options: SqliteOpenOptions): SqlCommunityStore {
  const db = openSqliteDatabase(options);
  const file = path.resolve(options.path);
  assignMissingUsernames(db, file);
  return new SqlCommunityStore(new SqliteSql(db, file));
}
