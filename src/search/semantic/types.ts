/** What the semantic layer answers: the lexical engine's hit shape, plus where the score came from. */
export interface RankedHit {
  id: string;
  score: number;
  /** The score's parts: lexical (BM25F), semantic (cosine), as fused. */
  parts: { lexical?: number; semantic?: number };
}
