/**
 * The relaxed form of a strict query that found nothing: its phrases and required words become
 * plain ranked words (exclusions, fields and filters stay). The search page then says which
 * phrases no paper holds.
 */
import type { ParsedQuery } from "./types.js";

export interface Relaxed {
  query: ParsedQuery;
  /** Quoted phrases that were required, as typed. */
  phrases: string[];
  /** Required single words, as typed. */
  words: string[];
}

/** Null when nothing in the query was required, so relaxing it would change nothing. */
export function relaxQuery(parsed: ParsedQuery): Relaxed | null {
  const required = parsed.clauses.filter((c) => c.occur === "must");
  if (required.length === 0) return null;
  return {
    query: { ...parsed, clauses: parsed.clauses.map((c) => (c.occur === "must" ? { ...c, occur: "should", phrase: false } : c)) },
    phrases: required.filter((c) => c.phrase).map((c) => c.text),
    words: required.filter((c) => !c.phrase).map((c) => c.text),
  };
}
