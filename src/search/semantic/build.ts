/**
 * Builds the semantic index from the papers: the corpus model is learned from a sample of them
 * (every paper up to `trainPapers`, evenly spaced beyond), then every paper is embedded and the
 * vectors grouped in inverted lists. Two passes over the papers, as `scan` gives them.
 */
import type { Paper } from "../../core/paper.js";
import { trainTextModel, type TrainOptions } from "./model.js";
import { paperText, SemanticIndex } from "./semantic-index.js";

export interface SemanticBuildOptions extends TrainOptions {
  /** Papers the model learns from; default 100,000 (the vocabulary and co-occurrences settle well before). */
  trainPapers?: number;
  /** Papers in all, when known: spreads the training sample over them. */
  total?: number;
  onProgress?: (message: string) => void;
}

type Batches = AsyncIterable<readonly Paper[]> | Iterable<readonly Paper[]>;

export async function buildSemanticIndex(scan: () => Batches, options: SemanticBuildOptions = {}): Promise<SemanticIndex> {
  const progress = options.onProgress ?? (() => {});
  const limit = options.trainPapers ?? 100_000;
  const stride = Math.max(1, (options.total ?? 0) / limit);
  const texts: string[] = [];
  let seen = 0;
  let next = 0;
  for await (const batch of scan()) {
    for (const paper of batch) {
      if (seen++ >= next && texts.length < limit) {
        texts.push(paperText(paper));
        next += stride;
      }
    }
  }
  progress(`semantic: learning term vectors from ${texts.length} papers`);
  const model = trainTextModel(drain(texts), options);
  const index = new SemanticIndex(model, model.dim, Math.max(1024, seen));
  let embedded = 0;
  for await (const batch of scan()) {
    for (const paper of batch) index.addPaper(paper);
    embedded += batch.length;
    if (embedded % 100_000 < batch.length) progress(`semantic: embedded ${embedded} papers`);
  }
  index.buildLists({ onProgress: progress });
  return index;
}

/** The texts one by one, each let go as it is handed out (100k texts hold some 120 MB). */
function* drain(texts: string[]): Generator<string> {
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    texts[i] = "";
    yield text;
  }
  texts.length = 0;
}
