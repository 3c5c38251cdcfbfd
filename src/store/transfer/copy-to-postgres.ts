/**
 * Moves an instance from its SQLite file to PostgreSQL: every table the PostgreSQL schema has is
 * copied row for row in one transaction (ids, sequence numbers and the change log kept, so feeds,
 * links and the search index's replay stay valid), then read back and proved equal by row counts
 * and order-free checksums (row-checksum.ts). Tables are found in the target's catalogue, so a
 * table added by a later migration is moved without a change here.
 *
 * Not copied: `schema_migrations` (the target has its own), `day_counts` (PostgreSQL's triggers
 * rebuild it from the papers; it is still checked) and `job_locks` (leases of the old processes).
 */
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import type pg from "pg";
import { PaperfeedError } from "../../core/errors.js";
import { connectPostgres, describePgError, lockKey, redactUrl } from "../postgres/connect.js";
import { PG_LATEST_SCHEMA } from "../postgres/migrations.js";
import { openSqliteDatabase } from "../sqlite/open-database.js";
import { LATEST_SCHEMA } from "../sqlite/migrations.js";
import { TableChecksum, type ColumnType } from "./row-checksum.js";

export interface CopyOptions {
  /** The instance's SQLite file. It must exist; it is brought to the latest schema first. */
  from: string;
  /** `postgres://…` of the target database. */
  to: string;
  /** Target schema (created if missing); default the server's search_path. */
  schema?: string;
  /** Called after each batch and table, for progress lines. */
  onProgress?: (table: string, rows: number, done: boolean) => void;
}

export interface TableReport {
  table: string;
  /** Rows in the SQLite file. */
  sourceRows: number;
  /** Rows read back from PostgreSQL after the copy. */
  targetRows: number;
  sourceChecksum: string;
  targetChecksum: string;
  /** Rebuilt by the target (day_counts), not copied. */
  derived: boolean;
}

export interface CopyReport {
  source: string;
  target: string;
  tables: TableReport[];
  /** True when every table has equal counts and checksums. */
  equal: boolean;
}

/** SQLite's name for a table whose PostgreSQL name differs. */
const SOURCE_NAME: Record<string, string> = { paper_changes: "changes" };
const NOT_COPIED = new Set(["schema_migrations", "job_locks"]);
const DERIVED = new Set(["day_counts"]);
/** Most bind parameters in one INSERT (PostgreSQL allows 65,535). */
const MAX_PARAMS = 30_000;

interface Column {
  name: string;
  type: ColumnType;
  default: string | null;
  identity: boolean;
}

const fail = (id: string, message: string) => new PaperfeedError("store", id, message);
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function copySqliteToPostgres(options: CopyOptions): Promise<CopyReport> {
  const source = path.resolve(options.from);
  if (!fs.existsSync(source)) throw fail("not_found", `${options.from} does not exist (nothing to migrate)`);
  if (LATEST_SCHEMA !== PG_LATEST_SCHEMA) {
    throw fail("schema_mismatch", `this version's SQLite schema is ${LATEST_SCHEMA} but its PostgreSQL schema is ${PG_LATEST_SCHEMA}`);
  }
  const lite = openSqliteDatabase({ path: source });
  const target = redactUrl(options.to);
  let pool: pg.Pool | undefined;
  try {
    ({ pool } = await connectPostgres({ url: options.to, ...(options.schema ? { schema: options.schema } : {}) }));
    const client = await pool.connect();
    try {
      const tables = await targetTables(client);
      checkSourceHas(lite, source, tables);
      await checkEmpty(client, tables, target);
      const order = await insertOrder(client, [...tables.keys()]);
      const sums = new Map<string, TableChecksum>();
      await client.query("BEGIN");
      try {
        await client.query(`SELECT pg_advisory_xact_lock(${lockKey("write")})`);
        for (const table of order) {
          if (NOT_COPIED.has(table)) continue;
          const columns = tables.get(table)!;
          sums.set(table, DERIVED.has(table) ? readSource(lite, table, columns) : await copyTable(lite, client, table, columns, options.onProgress));
          await advanceSequences(client, table, columns);
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
      const reports: TableReport[] = [];
      for (const table of order) {
        const sourceSum = sums.get(table);
        if (!sourceSum) continue;
        const targetSum = await readTarget(client, table, tables.get(table)!);
        reports.push({
          table,
          sourceRows: sourceSum.rows,
          targetRows: targetSum.rows,
          sourceChecksum: sourceSum.digest(),
          targetChecksum: targetSum.digest(),
          derived: DERIVED.has(table),
        });
      }
      const equal = reports.every((r) => r.sourceRows === r.targetRows && r.sourceChecksum === r.targetChecksum);
      return { source: options.from, target, tables: reports, equal };
    } finally {
      client.release();
    }
  } catch (error) {
    throw describePgError(target, error);
  } finally {
    lite.close();
    await pool?.end();
  }
}

/** Every table of the target schema with its columns, in declaration order. */
async function targetTables(client: pg.PoolClient): Promise<Map<string, Column[]>> {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string; column_default: string | null; is_identity: string }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.column_default, c.is_identity
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, Column[]>();
  for (const r of rows) {
    const columns = tables.get(r.table_name) ?? [];
    columns.push({ name: r.column_name, type: r.data_type, default: r.column_default, identity: r.is_identity === "YES" });
    tables.set(r.table_name, columns);
  }
  return tables;
}

/** The source must hold every column the target has, and nothing the target would drop. */
function checkSourceHas(lite: Database.Database, file: string, tables: Map<string, Column[]>): void {
  for (const [table, columns] of tables) {
    if (NOT_COPIED.has(table)) continue;
    const name = SOURCE_NAME[table] ?? table;
    const have = (lite.prepare(`PRAGMA table_info(${quote(name)})`).all() as { name: string }[]).map((c) => c.name);
    if (have.length === 0) throw fail("schema_mismatch", `${file} has no table ${name} (needed for ${table})`);
    const want = new Set(columns.map((c) => c.name));
    const missing = columns.find((c) => !have.includes(c.name));
    if (missing) throw fail("schema_mismatch", `${file}: table ${name} has no column ${missing.name}`);
    const extra = have.find((c) => !want.has(c));
    if (extra) throw fail("schema_mismatch", `${file}: column ${name}.${extra} has no place in PostgreSQL's ${table}`);
  }
}

async function checkEmpty(client: pg.PoolClient, tables: Map<string, Column[]>, target: string): Promise<void> {
  for (const table of tables.keys()) {
    if (NOT_COPIED.has(table) || DERIVED.has(table)) continue;
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table)}`);
    const n = Number(rows[0]!.n);
    if (n > 0) {
      throw fail("target_not_empty", `${target}: table ${table} already has ${n} rows; migrate into an empty database or a new --schema`);
    }
  }
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
async function insertOrder(client: pg.PoolClient, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT cl.relname AS child, pa.relname AS parent
       FROM pg_constraint k
       JOIN pg_class cl ON cl.oid = k.conrelid
       JOIN pg_class pa ON pa.oid = k.confrelid
      WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const { child, parent } of rows) if (child !== parent) parents.get(child)?.add(parent);
  const order: string[] = [];
  const placed = new Set<string>();
  const place = (table: string, path: string[]) => {
    if (placed.has(table)) return;
    if (path.includes(table)) throw fail("schema_cycle", `foreign keys form a cycle: ${[...path, table].join(" → ")}`);
    for (const parent of [...(parents.get(table) ?? [])].sort()) place(parent, [...path, table]);
    placed.add(table);
    order.push(table);
  };
  for (const table of [...tables].sort()) place(table, []);
  return order;
}

/** Rows in insertion order (rowid), so a row that refers to an earlier row of its table (a reply to a comment) follows it. */
function sourceRows(lite: Database.Database, table: string, columns: Column[]): IterableIterator<unknown[]> {
  const name = SOURCE_NAME[table] ?? table;
  const withoutRowid = /WITHOUT\s+ROWID/i.test(
    (lite.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) as { sql: string }).sql,
  );
  const list = columns.map((c) => quote(c.name)).join(", ");
  return lite
    .prepare(`SELECT ${list} FROM ${quote(name)}${withoutRowid ? "" : " ORDER BY rowid"}`)
    .raw(true)
    .iterate() as IterableIterator<unknown[]>;
}

function readSource(lite: Database.Database, table: string, columns: Column[]): TableChecksum {
  const sum = new TableChecksum(columns.map((c) => c.type));
  for (const row of sourceRows(lite, table, columns)) sum.add(row);
  return sum;
}

const toTarget = (value: unknown, type: ColumnType): unknown =>
  value === null ? null : type === "boolean" ? Boolean(value) : typeof value === "bigint" ? value.toString() : value;

async function copyTable(
  lite: Database.Database,
  client: pg.PoolClient,
  table: string,
  columns: Column[],
  onProgress: CopyOptions["onProgress"],
): Promise<TableChecksum> {
  const sum = new TableChecksum(columns.map((c) => c.type));
  const perBatch = Math.max(1, Math.min(1000, Math.floor(MAX_PARAMS / columns.length)));
  const head = `INSERT INTO ${quote(table)} (${columns.map((c) => quote(c.name)).join(", ")}) VALUES `;
  // The SQLite iterator stays open across the inserts' awaits: nothing else uses this connection meanwhile.
  let batch: unknown[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const params: unknown[] = [];
    const tuples = batch.map((row) => `(${row.map((value, i) => (params.push(toTarget(value, columns[i]!.type)), `$${params.length}`)).join(", ")})`);
    await client.query(head + tuples.join(", "), params);
    batch = [];
    onProgress?.(table, sum.rows, false);
  };
  for (const row of sourceRows(lite, table, columns)) {
    sum.add(row);
    batch.push(row);
    if (batch.length === perBatch) await flush();
  }
  await flush();
  onProgress?.(table, sum.rows, true);
  return sum;
}

/** Identity columns and `nextval(…)` defaults continue after the largest copied value. */
async function advanceSequences(client: pg.PoolClient, table: string, columns: Column[]): Promise<void> {
  for (const column of columns) {
    const named = /^nextval\('([^']+)'::regclass\)$/.exec(column.default ?? "")?.[1];
    if (!column.identity && !named) continue;
    const sequence = named ? `'${named}'` : `pg_get_serial_sequence('${quote(table)}', '${column.name}')`;
    await client.query(`SELECT setval(${sequence}, coalesce(max(${quote(column.name)}), 0) + 1, false) FROM ${quote(table)}`);
  }
}

/** Reads a table back through a cursor (constant memory at millions of rows). */
async function readTarget(client: pg.PoolClient, table: string, columns: Column[]): Promise<TableChecksum> {
  const sum = new TableChecksum(columns.map((c) => c.type));
  // Dates and times as PostgreSQL prints them: the driver would turn them into local-time Dates.
  const list = columns.map((c) => (/^(date|time)/.test(c.type) ? `${quote(c.name)}::text` : quote(c.name))).join(", ");
  await client.query("BEGIN READ ONLY");
  try {
    await client.query(`DECLARE read_back NO SCROLL CURSOR FOR SELECT ${list} FROM ${quote(table)}`);
    for (;;) {
      const { rows } = await client.query({ text: "FETCH 5000 FROM read_back", rowMode: "array" });
      for (const row of rows as unknown[][]) sum.add(row);
      if (rows.length < 5000) break;
    }
  } finally {
    await client.query("COMMIT");
  }
  return sum;
}
