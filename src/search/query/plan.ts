/**
 * Turns a parsed query into what the evaluator needs: analysed terms to score (each with the
 * fields it counts in and whether it is required), phrases to check by position, exclusions,
 * and filters. A word that analyses into several terms (`GPT-4`) is matched as a phrase of its
 * parts when it is required, and as any of its terms (parts and joined form) when it is not.
 * A term given n times weighs n times (query-term frequency, as FTS5 gets by repeating a term),
 * and the words of an optional phrase weigh PHRASE_BOOST more.
 */
import { analyzeInto } from "../analyze/analyzer.js";
import { ALL_FIELDS, FIELD_INDEX } from "../fields.js";
import type { FieldScope, ParsedQuery, TextClause } from "./types.js";

/**
 * Distinct terms planned at most; more are ignored (hostile text). The engine then ranks with
 * the best of them by idf (MAX_RANKED_TERMS in engine.ts).
 */
export const MAX_SCORED_TERMS = 512;
/** Extra weight of each word of an optional (prose) phrase: one more occurrence. */
export const PHRASE_BOOST = 1;

export interface Scorer {
  term: string;
  bytes: Uint8Array;
  /** Fields the term counts in (bit per field index). */
  mask: number;
  required: boolean;
  /** Query-term frequency: the score of the term is multiplied by it (≥ 1). */
  weight: number;
}

/** Terms that must appear at `offsets` from one another, within the fields of `mask`. */
export interface PhraseCheck {
  scorers: number[];
  offsets: number[];
  mask: number;
}

/** A phrase to mark where its terms stand together (at `offsets` from the first), not word by word. */
export interface HighlightPhrase {
  terms: string[];
  offsets: number[];
}

export interface Exclusion {
  terms: Uint8Array[];
  /** Relative positions; one term means no position check. */
  offsets: number[];
  mask: number;
}

/** The parsed query's filters and sort, plus what to score and check. */
export interface QueryPlan extends Omit<ParsedQuery, "clauses"> {
  scorers: Scorer[];
  phrases: PhraseCheck[];
  exclusions: Exclusion[];
  /** Terms to mark wherever they stand: those given outside phrases. */
  highlightTerms: string[];
  /** Phrases to mark only where they occur as phrases. */
  highlightPhrases: HighlightPhrase[];
  /**
   * Approximate top k (≥ 1; absent or 1: exact). Score bounds are divided by it while pruning, so
   * a doc is passed over unless its bound is this many times the k-th score: "papers like this
   * one" (similar.ts) ranks with dozens of terms, whose bounds add up far above any real score.
   */
  pruneFactor?: number;
}

const encoder = new TextEncoder();

const maskOf = (field: FieldScope) => (field === "all" ? ALL_FIELDS : 1 << FIELD_INDEX[field]);

function analyzeClause(text: string) {
  const parts: Array<{ term: string; position: number }> = [];
  const joined: string[] = [];
  analyzeInto(text, (term, position, _s, _e, isJoined) => (isJoined ? joined.push(term) : parts.push({ term, position })));
  return { parts, joined };
}

export function planQuery(parsed: ParsedQuery): QueryPlan {
  const { clauses, ...filters } = parsed;
  const plan: QueryPlan = { ...filters, scorers: [], phrases: [], exclusions: [], highlightTerms: [], highlightPhrases: [] };
  const index = new Map<string, number>();
  const scorer = (term: string, mask: number, required: boolean, weight = 1): number => {
    const key = `${mask}:${term}`;
    const existing = index.get(key);
    if (existing !== undefined) {
      const s = plan.scorers[existing]!;
      if (required) s.required = true;
      s.weight += weight;
      return existing;
    }
    if (plan.scorers.length >= MAX_SCORED_TERMS) return -1;
    index.set(key, plan.scorers.length);
    plan.scorers.push({ term, bytes: encoder.encode(term), mask, required, weight });
    return plan.scorers.length - 1;
  };
  const standalone = new Set<string>();
  for (const clause of clauses) addClause(plan, clause, scorer, standalone);
  plan.highlightTerms = [...standalone];
  return plan;
}

function addClause(plan: QueryPlan, clause: TextClause, scorer: (t: string, m: number, r: boolean, w?: number) => number, standalone: Set<string>) {
  const { parts, joined } = analyzeClause(clause.text);
  if (parts.length === 0 && joined.length === 0) return;
  const mask = maskOf(clause.field);
  const first = parts[0]?.position ?? 0;
  if (clause.occur === "mustNot") {
    const terms = parts.length > 0 ? parts : [{ term: joined[0]!, position: 0 }];
    plan.exclusions.push({ terms: terms.map((p) => encoder.encode(p.term)), offsets: terms.map((p) => p.position - first), mask });
    return;
  }
  if (clause.occur === "should") {
    const weight = clause.phrase ? 1 + PHRASE_BOOST : 1;
    for (const { term } of parts) if (scorer(term, mask, false, weight) >= 0) standalone.add(term);
    for (const term of joined) if (scorer(term, mask, false, weight) >= 0) standalone.add(term);
    return;
  }
  if (parts.length <= 1) {
    const term = parts[0]?.term ?? joined[0]!;
    if (scorer(term, mask, true) >= 0) standalone.add(term);
    return;
  }
  const ids = parts.map((p) => scorer(p.term, mask, true));
  if (ids.includes(-1)) return;
  const offsets = parts.map((p) => p.position - first);
  plan.phrases.push({ scorers: ids, offsets, mask });
  plan.highlightPhrases.push({ terms: parts.map((p) => p.term), offsets });
}
