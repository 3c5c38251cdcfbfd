/**
 * Embeddings from an OpenAI-compatible endpoint (`POST {base}/embeddings` with `{model, input}`,
 * answered with `{data: [{index, embedding}]}`), as served by OpenAI, vLLM, llama.cpp's server,
 * Ollama, text-embeddings-inference and others. Requests go through the PoliteClient (retries on
 * 429/5xx with Retry-After, timeouts, errors naming the URL), `batchSize` texts at a time.
 */
import { PaperfeedError } from "../../../core/errors.js";
import { PoliteClient } from "../../../ingest/http/polite-client.js";
import { normalize } from "../model.js";
import type { TextEmbedder } from "./types.js";

export interface HttpEmbedderOptions {
  /** Base URL (`…/v1`) or the full `…/v1/embeddings`. */
  url: string;
  model: string;
  /** Texts per request; default 64, 1–2048. */
  batchSize?: number;
  /** Retries per request after a 429/5xx or network failure; default 4, 0–20. */
  retries?: number;
  /** First backoff in ms (doubled each retry); default 1000. */
  backoffMs?: number;
  /** Sent as `Authorization: Bearer …` when set; never logged. */
  apiKey?: string | null;
  userAgent?: string;
  timeoutMs?: number;
}

const fail = (id: string, message: string) => new PaperfeedError("search", id, `embeddings: ${message}`);

export function embeddingsEndpoint(url: string): string {
  const trimmed = url.replace(/\/+$/, "");
  return trimmed.endsWith("/embeddings") ? trimmed : `${trimmed}/embeddings`;
}

export class HttpEmbedder implements TextEmbedder {
  readonly name: string;
  private readonly client: PoliteClient;
  private readonly endpoint: string;
  private readonly batchSize: number;

  constructor(private readonly options: HttpEmbedderOptions) {
    this.endpoint = embeddingsEndpoint(options.url);
    this.name = `${options.model}@${this.endpoint}`;
    this.batchSize = Math.min(2048, Math.max(1, options.batchSize ?? 64));
    this.client = new PoliteClient({
      component: "search",
      service: "embeddings",
      userAgent: options.userAgent ?? "paperfeed",
      minIntervalMs: 0,
      retries: options.retries ?? 4,
      backoffMs: options.backoffMs ?? 1000,
      timeoutMs: options.timeoutMs ?? 60_000,
    });
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) vectors.push(...(await this.batch(texts.slice(i, i + this.batchSize))));
    return vectors;
  }

  private async batch(input: readonly string[]): Promise<Float32Array[]> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    const response = await this.client.get(this.endpoint, {
      method: "POST",
      headers,
      body: JSON.stringify({ model: this.options.model, input }),
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body.toString("utf8"));
    } catch {
      throw fail("embeddings_bad_answer", `${this.endpoint} answered with something that is not JSON`);
    }
    const data = (parsed as { data?: unknown }).data;
    if (!Array.isArray(data) || data.length !== input.length)
      throw fail("embeddings_bad_answer", `${this.endpoint}: expected "data" with ${input.length} embeddings, got ${Array.isArray(data) ? data.length : "none"}`);
    const vectors: Float32Array[] = new Array(input.length);
    data.forEach((item: { index?: unknown; embedding?: unknown }, position) => {
      const index = typeof item?.index === "number" ? item.index : position;
      const embedding = item?.embedding;
      if (!Array.isArray(embedding) || embedding.length === 0 || !embedding.every((x) => typeof x === "number" && Number.isFinite(x)))
        throw fail("embeddings_bad_answer", `${this.endpoint}: data[${position}].embedding is not a list of numbers`);
      if (!Number.isInteger(index) || index < 0 || index >= input.length || vectors[index])
        throw fail("embeddings_bad_answer", `${this.endpoint}: data[${position}].index ${String(index)} is out of place`);
      const vector = normalize(Float32Array.from(embedding as number[]));
      if (!vector) throw fail("embeddings_bad_answer", `${this.endpoint}: data[${position}].embedding is all zeros`);
      vectors[index] = vector;
    });
    const dim = vectors[0]!.length;
    const odd = vectors.findIndex((v) => v.length !== dim);
    if (odd >= 0) throw fail("embeddings_bad_answer", `${this.endpoint}: embedding ${odd} has ${vectors[odd]!.length} dimensions, the first ${dim}`);
    return vectors;
  }
}
