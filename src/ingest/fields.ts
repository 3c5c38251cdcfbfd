/**
 * Small, forgiving accessors for the loosely typed records arXiv formats contain: a field may be
 * missing, null, a number, or carry stray whitespace. Everything returns a clean value or null.
 */
import { PaperfeedError } from "../core/errors.js";
import type { PaperVersion } from "../core/paper.js";

export type RawRecord = Record<string, unknown>;

export const isRecord = (v: unknown): v is RawRecord =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Trimmed string, or null when missing or empty. Numbers are accepted (ids like 704.0001 never are). */
export function str(record: RawRecord, key: string): string | null {
  const value = record[key];
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

/** A list of strings from an array or a space-separated string ("math.CO cs.CG"). */
export function strList(value: unknown): string[] {
  if (Array.isArray(value))
    return value
      .filter((v): v is string => typeof v === "string")
      .map((v) => v.trim())
      .filter(Boolean);
  if (typeof value === "string") return value.split(/\s+/).filter(Boolean);
  return [];
}

/**
 * ISO timestamp without milliseconds ("2007-04-02T19:18:42Z") from the RFC 1123 dates of .abs and
 * OAI records ("Mon, 2 Apr 2007 19:18:42 GMT") or ISO input. A bare day stays a bare day
 * ("2014-12-29"), since inventing a time would be false precision. Null when unparseable.
 */
export function toIsoDate(raw: string | null | undefined): string | null {
  const text = raw?.trim();
  if (!text) return null;
  // Date.parse rolls "2025-02-30" over to March; a day must survive the round trip.
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const ms = Date.parse(text);
    return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(text) ? text : null;
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Version lists of Kaggle and .abs records: [{ version: "v1", created: "…", size?: "199kb" }]. */
export function versionsFrom(value: unknown): PaperVersion[] {
  if (!Array.isArray(value)) return [];
  const versions: PaperVersion[] = [];
  for (const entry of value) {
    if (!isRecord(entry)) continue;
    const number = Number(String(entry.version ?? "").replace(/^v/i, ""));
    const date = toIsoDate(
      typeof entry.created === "string" ? entry.created : typeof entry.date === "string" ? entry.date : null,
    );
    if (!Number.isInteger(number) || number < 1 || !date) continue;
    const version: PaperVersion = { version: number, date };
    const size = typeof entry.size === "string" ? entry.size.trim() : "";
    if (size) version.size = size;
    versions.push(version);
  }
  return versions;
}

/** Like `str` but a missing value is an error naming the field. */
export function requireStr(record: RawRecord, key: string): string {
  const value = str(record, key);
  if (value === null) throw new PaperfeedError("ingest", "missing_field", `no "${key}" field`);
  return value;
}

/** Submitter names sometimes carry an address ("A. Smith <a@b.org>"); Paper never stores one. */
export function withoutEmail(name: string | null): string | null {
  if (!name) return null;
  return (
    name
      .replace(/<[^>]*>|\([^)]*@[^)]*\)|\S+@\S+/g, "")
      .replace(/\s+/g, " ")
      .trim() || null
  );
}
