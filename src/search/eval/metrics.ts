/**
 * Retrieval metrics as trec_eval (and so BEIR, through pytrec_eval) computes them:
 * - nDCG@10 with linear gain (the grade itself) and the log2(rank + 1) discount; the ideal DCG
 *   ranks all judged documents of the query by grade, cut at the same depth.
 * - Recall@100: relevant documents (grade ≥ 1) found in the top 100, over all relevant ones.
 * - MRR@10: 1 / rank of the first relevant document within the top 10, else 0.
 * Each is averaged over the queries that have judgements; a query the engine answered with
 * nothing scores 0. The ranking is taken in the order given (the engine's own tie order).
 */

/** Judgements of one query: document id → grade (0 = judged not relevant). */
export type Judgements = ReadonlyMap<string, number>;

export interface Metrics {
  ndcg10: number;
  recall100: number;
  mrr10: number;
}

/** Grade at or above which a document counts as relevant for recall and MRR. */
const RELEVANT = 1;

export function ndcgAt(ranking: readonly string[], judged: Judgements, k: number): number {
  let dcg = 0;
  for (let i = 0; i < Math.min(k, ranking.length); i++) {
    const grade = judged.get(ranking[i]!) ?? 0;
    if (grade > 0) dcg += grade / Math.log2(i + 2);
  }
  const ideal = [...judged.values()].filter((g) => g > 0).sort((a, b) => b - a);
  let idcg = 0;
  for (let i = 0; i < Math.min(k, ideal.length); i++) idcg += ideal[i]! / Math.log2(i + 2);
  return idcg === 0 ? 0 : dcg / idcg;
}

export function recallAt(ranking: readonly string[], judged: Judgements, k: number): number {
  let relevant = 0;
  for (const grade of judged.values()) if (grade >= RELEVANT) relevant++;
  if (relevant === 0) return 0;
  // A ranking should not repeat a document; count each once all the same.
  const top = new Set(ranking.slice(0, k));
  let found = 0;
  for (const id of top) if ((judged.get(id) ?? 0) >= RELEVANT) found++;
  return found / relevant;
}

export function mrrAt(ranking: readonly string[], judged: Judgements, k: number): number {
  for (let i = 0; i < Math.min(k, ranking.length); i++) {
    if ((judged.get(ranking[i]!) ?? 0) >= RELEVANT) return 1 / (i + 1);
  }
  return 0;
}

/**
 * Mean metrics over every judged query. `rankings` maps query id → ranked document ids; a judged
 * query missing from it counts as an empty ranking. Returns zeros when nothing is judged.
 */
export function evaluateRankings(
  rankings: ReadonlyMap<string, readonly string[]>,
  qrels: ReadonlyMap<string, Judgements>,
): Metrics {
  const sum: Metrics = { ndcg10: 0, recall100: 0, mrr10: 0 };
  if (qrels.size === 0) return sum;
  for (const [queryId, judged] of qrels) {
    const ranking = rankings.get(queryId) ?? [];
    sum.ndcg10 += ndcgAt(ranking, judged, 10);
    sum.recall100 += recallAt(ranking, judged, 100);
    sum.mrr10 += mrrAt(ranking, judged, 10);
  }
  return {
    ndcg10: sum.ndcg10 / qrels.size,
    recall100: sum.recall100 / qrels.size,
    mrr10: sum.mrr10 / qrels.size,
  };
}
