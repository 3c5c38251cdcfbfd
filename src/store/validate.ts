/**
 * Checks at the store boundary. A paper that would break the queries (no canonical id, no valid
 * announcement day, a version below 1) is refused before anything is written, and because every
 * batch runs in one transaction a refused paper leaves the whole batch unwritten.
 */
import { parseArxivId } from "../core/arxiv-id.js";
import { PaperfeedError } from "../core/errors.js";
import type { Paper } from "../core/paper.js";
import type { ListOptions } from "./types.js";

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const invalid = (id: string, problem: string) =>
  new PaperfeedError("store", "invalid_paper", `paper ${id}: ${problem}`);

export function validatePaper(paper: Paper): void {
  const id = typeof paper?.id === "string" ? paper.id : String(paper?.id);
  if (parseArxivId(id)?.id !== id) throw invalid(id, "id is not a canonical arXiv id (e.g. 2401.01234, no version)");
  if (!Number.isInteger(paper.version) || paper.version < 1) throw invalid(id, `version must be an integer ≥ 1, got ${paper.version}`);
  if (typeof paper.announced !== "string" || !DAY.test(paper.announced)) throw invalid(id, `announced must be a day YYYY-MM-DD, got ${paper.announced}`);
  if (typeof paper.title !== "string" || !paper.title) throw invalid(id, "title is empty");
  if (typeof paper.primaryCategory !== "string") throw invalid(id, "primaryCategory is missing");
}

export function requireDay(day: string, name: string): string {
  if (typeof day !== "string" || !DAY.test(day)) {
    throw new PaperfeedError("store", "invalid_day", `${name} must be a day YYYY-MM-DD, got ${day}`);
  }
  return day;
}

/** An integer in [min, max], or `fallback` when absent; anything else is refused. */
export function requireInt(value: number | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PaperfeedError("store", "invalid_option", `${name} must be an integer ${min}–${max}, got ${value}`);
  }
  return value;
}

/** `ListOptions` with defaults applied: limit 50 (1–1000), offset 0 (≥ 0). */
export function listWindow(options: ListOptions | undefined): { limit: number; offset: number } {
  return {
    limit: requireInt(options?.limit, "limit", 50, 1, 1000),
    offset: requireInt(options?.offset, "offset", 0, 0, Number.MAX_SAFE_INTEGER),
  };
}

/** `changesSince` limit: default 1000, 1–100000. `scanPapers` batch size: default 500, 1–10000. */
export const changesLimit = (limit: number | undefined) => requireInt(limit, "limit", 1000, 1, 100_000);
export const scanBatchSize = (size: number | undefined) => requireInt(size, "batchSize", 500, 1, 10_000);
