/**
 * The little SQL surface the community store needs, so one body of queries serves both backends.
 * Queries use `?` placeholders (the PostgreSQL adapter numbers them) and only syntax both accept:
 * INSERT … ON CONFLICT, RETURNING, integer 0/1 for booleans, ISO-8601 text for times.
 */
export type Row = Record<string, unknown>;

export interface Sql {
  readonly dialect: "sqlite" | "postgres";
  all(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  get(sql: string, params?: readonly unknown[]): Promise<Row | undefined>;
  /** Rows changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

export interface SqlDatabase extends Sql {
  /** Runs `work` in one transaction; statements inside must go through `tx`. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `FOR UPDATE` where the backend has row locks (SQLite's write transaction already excludes others). */
export const forUpdate = (db: Sql) => (db.dialect === "postgres" ? " FOR UPDATE" : "");

/** The list of `n` placeholders for an IN clause, e.g. "?, ?, ?"; "NULL" for none (matches nothing). */
export const placeholders = (n: number) => (n === 0 ? "NULL" : Array.from({ length: n }, () => "?").join(", "));
