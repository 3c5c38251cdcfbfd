/**
 * HarvestState ⇄ table row, shared by both backends so they check and store it alike: the key
 * must be non-empty and every day "YYYY-MM-DD" or null, else nothing is written.
 */
import { PaperfeedError } from "../../core/errors.js";
import type { HarvestState } from "../types.js";
import { requireDay } from "../validate.js";
import { HARVEST_COLUMNS } from "./schema.js";

export type HarvestRow = Record<(typeof HARVEST_COLUMNS)[number], string | null>;

export function requireHarvestKey(key: string): string {
  if (typeof key !== "string" || key.length === 0 || key.length > 2000) {
    throw new PaperfeedError("store", "invalid_harvest_key", `a harvest checkpoint key must be 1–2000 characters, got ${JSON.stringify(key)}`);
  }
  return key;
}

const day = (value: string | null, name: string) => (value === null ? null : requireDay(value, name));

/** The row to write; the values in HARVEST_COLUMNS order. */
export function harvestRowValues(state: HarvestState): Array<string | null> {
  const row: HarvestRow = {
    run_from: day(state.from, "from"),
    run_until: day(state.until, "until"),
    run_date: day(state.runDate, "runDate"),
    metadata_prefix: state.metadataPrefix,
    resumption_token: state.resumptionToken,
    next_from: day(state.nextFrom, "nextFrom"),
    updated_at: state.updatedAt,
  };
  return HARVEST_COLUMNS.map((column) => row[column]);
}

export function harvestStateOf(row: HarvestRow): HarvestState {
  return {
    from: row.run_from,
    until: row.run_until,
    runDate: row.run_date,
    metadataPrefix: row.metadata_prefix,
    resumptionToken: row.resumption_token,
    nextFrom: row.next_from,
    updatedAt: row.updated_at ?? "",
  };
}

const columns = HARVEST_COLUMNS.join(", ");
/** Statements in both dialects: `p(i)` is the i-th (1-based) placeholder. */
export function harvestSql(p: (i: number) => string) {
  return {
    read: `SELECT ${columns} FROM harvest_state WHERE key = ${p(1)}`,
    write: `INSERT INTO harvest_state (key, ${columns}) VALUES (${[1, ...HARVEST_COLUMNS.map((_, i) => i + 2)].map(p).join(", ")})
      ON CONFLICT (key) DO UPDATE SET ${HARVEST_COLUMNS.map((c) => `${c} = excluded.${c}`).join(", ")}`,
  };
}
