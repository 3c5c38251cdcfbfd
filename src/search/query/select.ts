/**
 * Keeps the best terms of a long query (a pasted abstract, a paper used as the query): each
 * optional term weighs idf × its query frequency, and only the `max` heaviest stay. Rare words
 * carry a text's topic and cost least to score; the common ones left out ("method", "result")
 * would add little to the ranking and most of the query time. Required terms always stay.
 */
import type { QueryPlan } from "./plan.js";

export function keepBestTerms(plan: QueryPlan, idfs: Float64Array, max: number): { plan: QueryPlan; idfs: Float64Array } {
  const optional = plan.scorers.map((s, i) => i).filter((i) => !plan.scorers[i]!.required);
  if (optional.length <= max) return { plan, idfs };
  const weightOf = (i: number) => idfs[i]! * plan.scorers[i]!.weight;
  const dropped = new Set(optional.sort((a, b) => weightOf(b) - weightOf(a) || a - b).slice(max));
  const newIndex = new Int32Array(plan.scorers.length).fill(-1);
  const kept: number[] = [];
  plan.scorers.forEach((_, i) => {
    if (dropped.has(i)) return;
    newIndex[i] = kept.length;
    kept.push(i);
  });
  return {
    plan: {
      ...plan,
      scorers: kept.map((i) => plan.scorers[i]!),
      // Phrases only hold required terms, which are all kept.
      phrases: plan.phrases.map((p) => ({ ...p, scorers: p.scorers.map((i) => newIndex[i]!) })),
    },
    idfs: Float64Array.from(kept, (i) => idfs[i]!),
  };
}
