/**
 * Where hybrid ranking is on by default, as measured per query kind (bench/RESULTS.md, "Semantic
 * layer"): prose — claims, sentences, pasted abstracts — gains (SciFact train: nDCG@10 0.7053 →
 * 0.71), while short keyword queries lose a little (quant-ph titles' 3 rarest words: MRR@10
 * 0.8954 lexical, 0.8952 hybrid at weight 0.2, 0.8902 at 0.3). So: hybrid for queries of
 * `PROSE_TERMS` analysed terms or more, lexical alone below.
 */
import { analyze } from "../analyze/analyzer.js";

/** Analysed terms from which a query reads as prose; SciFact train claims have 9.5 on average (90% have 6 or more), the keyword queries 3. */
export const PROSE_TERMS = 6;

/** Whether hybrid ranking should answer `q` by default. */
export function hybridByDefault(q: string): boolean {
  let terms = 0;
  for (const term of analyze(q)) if (term && ++terms >= PROSE_TERMS) return true;
  return false;
}
