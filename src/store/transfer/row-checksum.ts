/**
 * One checksum per table that both backends compute alike, so a copy can be proved equal to its
 * source. Each value is first put in one canonical text form by its PostgreSQL column type (JSON
 * with sorted keys, since JSONB reorders keys; booleans and integers as digits; bytes as hex), each
 * row is hashed, and the row hashes are added modulo 2^128 — an order-free sum, so the two sides
 * need not sort text keys alike.
 */
import { createHash } from "node:crypto";

/** A PostgreSQL `information_schema.columns.data_type`, e.g. "jsonb", "bigint", "bytea". */
export type ColumnType = string;

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The canonical text of one value; `null` stays null (hashed apart from every text). */
export function canonicalValue(value: unknown, type: ColumnType): string | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "json":
    case "jsonb":
      return canonicalJson(typeof value === "string" ? JSON.parse(value) : value);
    case "boolean":
      return value === true || value === 1 || value === "t" || value === "true" ? "1" : "0";
    case "smallint":
    case "integer":
    case "bigint":
      return BigInt(value as number | string | bigint).toString();
    case "real":
    case "double precision":
      return String(Number(value));
    case "bytea":
      return Buffer.from(value as Uint8Array).toString("hex");
    default:
      return value instanceof Date ? value.toISOString() : String(value);
  }
}

const MOD = 1n << 128n;

/** Accumulates rows of one table; `digest()` is the same whatever order they came in. */
export class TableChecksum {
  private sum = 0n;
  rows = 0;

  constructor(private readonly types: readonly ColumnType[]) {}

  add(values: readonly unknown[]): void {
    const hash = createHash("sha256");
    values.forEach((value, i) => {
      const text = canonicalValue(value, this.types[i]!);
      // A length prefix keeps ("ab","c") apart from ("a","bc"), and null apart from "".
      hash.update(text === null ? "N;" : `${Buffer.byteLength(text)}:${text};`);
    });
    this.sum = (this.sum + BigInt(`0x${hash.digest("hex").slice(0, 32)}`)) % MOD;
    this.rows++;
  }

  digest(): string {
    return this.sum.toString(16).padStart(32, "0");
  }
}
