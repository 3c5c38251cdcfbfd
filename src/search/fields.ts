/**
 * The fields a paper is indexed under and the BM25F parameters that weigh them. BM25F adds each
 * field's term frequency, weighted and normalised by that field's length, before the one k1
 * saturation: tf~ = Σ_f weight_f · tf_f / (1 − b_f + b_f · len_f / avglen_f),
 * score = Σ_terms idf · tf~ / (k1 + tf~).
 */
import { PaperfeedError } from "../core/errors.js";

export const FIELDS = ["title", "abstract", "authors", "categories", "comments", "id"] as const;
export type FieldName = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;
export const FIELD_INDEX: Readonly<Record<FieldName, number>> = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<FieldName, number>;
/** Bit mask with every field. */
export const ALL_FIELDS = (1 << FIELD_COUNT) - 1;
/**
 * Fields whose positions are stored (for phrases and proximity). Categories, comments and the id
 * are matched as words only, which saves the positions of about one word in fifteen.
 */
export const POSITIONAL_FIELDS = (1 << FIELD_INDEX.title) | (1 << FIELD_INDEX.abstract) | (1 << FIELD_INDEX.authors);

export interface FieldParams {
  /** How much one occurrence in this field counts; 0–100. */
  weight: number;
  /** Length normalisation: 0 (none) to 1 (full). */
  b: number;
}

export interface Bm25fParams {
  /** Term-frequency saturation; default 1.2, range 0.01–10. */
  k1: number;
  fields: Readonly<Record<FieldName, FieldParams>>;
}

/**
 * General-purpose defaults, not fitted to one test collection: a title word counts 2.5× an
 * abstract word (titles are short and chosen with care); author and category matches count like
 * abstract words with little length normalisation (long author lists are not less about a name);
 * comments ("12 pages, 5 figures") count little; a matching arXiv id wins outright.
 */
export const DEFAULT_BM25F: Bm25fParams = Object.freeze({
  k1: 1.2,
  fields: Object.freeze({
    title: { weight: 2.5, b: 0.5 },
    abstract: { weight: 1, b: 0.75 },
    authors: { weight: 1, b: 0.2 },
    categories: { weight: 0.5, b: 0 },
    comments: { weight: 0.3, b: 0.5 },
    id: { weight: 20, b: 0 },
  }),
});

/** Merges partial overrides onto the defaults; throws on values out of range. */
export function resolveBm25f(overrides?: { k1?: number; fields?: Partial<Record<FieldName, Partial<FieldParams>>> }): Bm25fParams {
  const k1 = overrides?.k1 ?? DEFAULT_BM25F.k1;
  checkRange("k1", k1, 0.01, 10);
  const fields = {} as Record<FieldName, FieldParams>;
  for (const name of FIELDS) {
    const p = { ...DEFAULT_BM25F.fields[name], ...overrides?.fields?.[name] };
    checkRange(`${name}.weight`, p.weight, 0, 100);
    checkRange(`${name}.b`, p.b, 0, 1);
    fields[name] = p;
  }
  return Object.freeze({ k1, fields: Object.freeze(fields) });
}

function checkRange(name: string, value: number, min: number, max: number) {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new PaperfeedError("search", "bad_option", `BM25F parameter ${name} = ${value} is outside ${min}–${max}`);
  }
}
