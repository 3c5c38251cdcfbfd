/** An outside embedding model: texts in, unit vectors out (same order, same length). */
export interface TextEmbedder {
  /** Names the model in the saved index, so vectors of two models are never mixed. */
  readonly name: string;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}
