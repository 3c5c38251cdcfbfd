/**
 * How a Paper is stored as text. Keys are sorted recursively so the same paper always encodes to
 * the same string whatever order a reader built its fields in; the upsert rule relies on this to
 * tell "same metadata" from "changed metadata" by comparing strings.
 */
import type { Paper } from "../core/paper.js";

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = sortKeys(field);
  }
  return out;
}

/**
 * True when JSON.stringify already writes `value` canonically: every object's keys in sorted
 * order and no undefined field. `makePaper` builds papers that way, so an import encodes each
 * paper without copying it (the copy was about a tenth of an import's main-thread time).
 */
export function isCanonical(value: unknown): boolean {
  if (value === null || typeof value !== "object") return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!isCanonical(item)) return false;
    return true;
  }
  let previous: string | null = null;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false;
    if (previous !== null && !(previous < key)) return false;
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined || !isCanonical(field)) return false;
    previous = key;
  }
  return true;
}

/** Canonical JSON of a paper (sorted keys, undefined fields dropped). */
export const encodePaper = (paper: Paper): string => JSON.stringify(isCanonical(paper) ? paper : sortKeys(paper));

/** The generic encoder alone, which `encodePaper` must always equal (tests compare the two). */
export const encodePaperBySorting = (paper: Paper): string => JSON.stringify(sortKeys(paper));

export const decodePaper = (data: string): Paper => JSON.parse(data) as Paper;
