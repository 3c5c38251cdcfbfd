/**
 * Connects a pg Pool, brings the schema up to date, and names the server (without password) in
 * every error.
 */
import pg from "pg";
import { PaperfeedError, messageOf } from "../../core/errors.js";
import { newerSchemaError } from "../migration.js";
import { PG_LATEST_SCHEMA, PG_MIGRATIONS } from "./migrations.js";

export interface PostgresOpenOptions {
  /** `postgres://user[:password]@host[:port]/database`. Required. */
  url: string;
  /** Schema to use (created if missing); default: the server's search_path (usually `public`). Letters, digits, `_`. */
  schema?: string;
  /** Most connections the pool opens. Default 10, 1–100. */
  poolSize?: number;
}

/** The URL with any password removed, for messages and `stats().location`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    return parsed.toString();
  } catch {
    return "(unparseable PostgreSQL URL)";
  }
}

const CONNECT_CODES = /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|ECONNRESET|28000|28P01|3D000)$/;

export function describePgError(location: string, error: unknown): PaperfeedError {
  if (error instanceof PaperfeedError) return error;
  const code = String((error as { code?: string }).code ?? "");
  const detail = messageOf(error) || code || "unknown error";
  if (CONNECT_CODES.test(code) || /connect|terminat/i.test(detail)) {
    return new PaperfeedError("store", "cannot_connect", `cannot connect to PostgreSQL at ${location}: ${detail}`, 503, { cause: error });
  }
  // Serialization failure, deadlock, lock not available: the transaction may simply be run again.
  if (/^(40001|40P01|55P03)$/.test(code)) {
    return new PaperfeedError("store", "busy", `PostgreSQL at ${location}: ${detail}`, 503, { cause: error });
  }
  if (code === "53100") return new PaperfeedError("store", "disk_full", `PostgreSQL at ${location}: the disk is full (${detail})`, 507, { cause: error });
  return new PaperfeedError("store", "postgres_error", `PostgreSQL at ${location}: ${detail}`, 500, { cause: error });
}

/** Advisory lock keys are per schema, so stores in different schemas do not wait on each other. */
export const lockKey = (purpose: "migrate" | "write") => `hashtext('paperfeed.${purpose}.' || current_schema())`;

async function migrate(pool: pg.Pool, location: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${lockKey("migrate")})`);
    await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    const { rows } = await client.query<{ v: number }>("SELECT coalesce(max(version), 0)::int AS v FROM schema_migrations");
    const current = rows[0]!.v;
    if (current > PG_LATEST_SCHEMA) throw newerSchemaError(location, current, PG_LATEST_SCHEMA);
    for (const migration of PG_MIGRATIONS.filter((m) => m.version > current)) {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [migration.version, migration.name]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${lockKey("migrate")})`).catch(() => undefined);
    client.release();
  }
}

export async function connectPostgres(options: PostgresOpenOptions): Promise<{ pool: pg.Pool; location: string }> {
  const location = redactUrl(options.url);
  const schema = options.schema;
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new PaperfeedError("store", "invalid_option", `schema must be letters, digits and _, got "${schema}"`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await migrate(pool, schema ? `${location} (schema ${schema})` : location);
    return { pool, location: schema ? `${location} (schema ${schema})` : location };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw describePgError(location, error);
  }
}
