/**
 * Embeddings from a local ONNX model folder through onnxruntime-node (an optional dependency:
 * install it with `ONNXRUNTIME_NODE_INSTALL=skip`, which skips its download script; the CPU
 * binary ships inside the package). The folder holds `model.onnx` and the Hugging Face
 * `tokenizer.json` (plus `tokenizer_config.json` when the model has one), read by
 * @huggingface/tokenizers; nothing is fetched. Texts are tokenized, cut to `maxTokens`, padded per
 * batch; the model's first output is mean-pooled over real tokens when it is per token
 * ([batch, tokens, dim]) and used as is when it is per text ([batch, dim]); vectors are unit length.
 */
import fs from "node:fs";
import path from "node:path";
import { PaperfeedError, messageOf } from "../../../core/errors.js";
import { normalize } from "../model.js";
import type { TextEmbedder } from "./types.js";

export interface OnnxEmbedderOptions {
  /** Texts per inference call; default 32, 1–1024. */
  batchSize?: number;
  /** Tokens kept per text (the model's limit); default 256. */
  maxTokens?: number;
}

const fail = (id: string, message: string) => new PaperfeedError("search", id, `onnx model: ${message}`);

type Ort = typeof import("onnxruntime-node");

async function loadRuntime(): Promise<Ort> {
  try {
    return await import("onnxruntime-node");
  } catch (e) {
    throw fail(
      "onnx_unavailable",
      `onnxruntime-node does not load (${messageOf(e)}); install it with ONNXRUNTIME_NODE_INSTALL=skip npm install onnxruntime-node`,
    );
  }
}

function readJson(file: string, required: boolean): object | null {
  if (!fs.existsSync(file)) {
    if (required) throw fail("onnx_missing_file", `${file} is missing`);
    return null;
  }
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as object;
  } catch (e) {
    throw fail("onnx_bad_file", `${file}: ${messageOf(e)}`);
  }
}

export async function openOnnxEmbedder(dir: string, options: OnnxEmbedderOptions = {}): Promise<TextEmbedder> {
  const modelFile = path.join(dir, "model.onnx");
  if (!fs.existsSync(modelFile)) throw fail("onnx_missing_file", `${modelFile} is missing`);
  const tokenizerJson = readJson(path.join(dir, "tokenizer.json"), true)!;
  const tokenizerConfig = readJson(path.join(dir, "tokenizer_config.json"), false) ?? {};
  const { Tokenizer } = await import("@huggingface/tokenizers");
  let tokenizer: InstanceType<typeof Tokenizer>;
  try {
    tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
  } catch (e) {
    throw fail("onnx_bad_file", `${path.join(dir, "tokenizer.json")}: ${messageOf(e)}`);
  }
  const ort = await loadRuntime();
  let session: Awaited<ReturnType<Ort["InferenceSession"]["create"]>>;
  try {
    session = await ort.InferenceSession.create(modelFile, { executionProviders: ["cpu"], graphOptimizationLevel: "all" });
  } catch (e) {
    throw fail("onnx_bad_file", `${modelFile}: ${messageOf(e)}`);
  }
  const batchSize = Math.min(1024, Math.max(1, options.batchSize ?? 32));
  const maxTokens = Math.max(1, options.maxTokens ?? 256);
  const output = session.outputNames[0]!;

  async function batch(texts: readonly string[]): Promise<Float32Array[]> {
    const encoded = texts.map((text) => {
      const e = tokenizer.encode(text, { return_token_type_ids: true });
      return { ids: e.ids.slice(0, maxTokens), types: (e.token_type_ids ?? []).slice(0, maxTokens) };
    });
    const width = Math.max(1, ...encoded.map((e) => e.ids.length));
    const ids = new BigInt64Array(texts.length * width);
    const mask = new BigInt64Array(texts.length * width);
    const types = new BigInt64Array(texts.length * width);
    encoded.forEach((e, b) => {
      e.ids.forEach((id: number, t: number) => {
        ids[b * width + t] = BigInt(id);
        mask[b * width + t] = 1n;
        types[b * width + t] = BigInt(e.types[t] ?? 0);
      });
    });
    const inputs: Record<string, InstanceType<Ort["Tensor"]>> = {};
    const given: Record<string, BigInt64Array> = { input_ids: ids, attention_mask: mask, token_type_ids: types };
    for (const name of session.inputNames) {
      const data = given[name];
      if (!data) throw fail("onnx_bad_file", `${modelFile}: input "${name}" is not one of input_ids, attention_mask, token_type_ids`);
      inputs[name] = new ort.Tensor("int64", data, [texts.length, width]);
    }
    const result = (await session.run(inputs))[output]!;
    const data = result.data as Float32Array;
    const dims = result.dims;
    const dim = dims.at(-1)!;
    return texts.map((_, b) => {
      const vector = new Float32Array(dim);
      if (dims.length === 2) vector.set(data.subarray(b * dim, (b + 1) * dim));
      else {
        const tokens = encoded[b]!.ids.length;
        for (let t = 0; t < tokens; t++) for (let k = 0; k < dim; k++) vector[k]! += data[(b * width + t) * dim + k]!;
      }
      return normalize(vector) ?? vector;
    });
  }

  return {
    name: `onnx:${path.basename(path.resolve(dir))}`,
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) vectors.push(...(await batch(texts.slice(i, i + batchSize))));
      return vectors;
    },
  };
}
