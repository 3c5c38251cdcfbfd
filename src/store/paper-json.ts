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

/** Canonical JSON of a paper (sorted keys, undefined fields dropped). */
export const encodePaper = (paper: Paper): string => JSON.stringify(sortKeys(paper));

export const decodePaper = (data: string): Paper => JSON.parse(data) as Paper;
