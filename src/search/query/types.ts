/** The parsed form of a query in paperfeed's query language (see parse.ts). */
import type { SortOrder } from "../types.js";

/** Which fields a text clause searches. */
export type FieldScope = "all" | "title" | "abstract" | "authors";

export type Occur = "should" | "must" | "mustNot";

export interface TextClause {
  occur: Occur;
  field: FieldScope;
  /**
   * A quoted phrase: its words must appear in this order, next to each other — when `occur` is
   * "must"; a "should" phrase (quoted in prose) only boosts its words.
   */
  phrase: boolean;
  /** The clause's text, not yet analysed. */
  text: string;
}

export interface ParsedQuery {
  clauses: TextClause[];
  /** `cat:` values (exact category or archive prefix), any of which may match. */
  categories: string[];
  excludedCategories: string[];
  /** Canonical ids from `id:`. */
  ids: string[];
  excludedIds: string[];
  /** Inclusive day numbers from since:/until:/year:, null when open. */
  fromDay: number | null;
  toDay: number | null;
  sort: SortOrder | null;
}
