/**
 * The ONNX model folder embedder with onnxruntime-node, on a tiny model written here: the graph
 * is one Gather (token id → a row of a 9 × 4 table), encoded as ONNX protobuf by hand, with a
 * WordPiece tokenizer.json. Output per token, so the embedder's mean pooling is what is checked.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { openOnnxEmbedder } from "./onnx.js";

// Protobuf wire format: varints, and length-delimited fields (type 2).
const varint = (n: number | bigint): number[] => {
  let v = BigInt(n);
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
};
const field = (number: number, bytes: number[] | Uint8Array): number[] => [...varint((number << 3) | 2), ...varint(bytes.length), ...bytes];
const int = (number: number, value: number): number[] => [...varint(number << 3), ...varint(value)];
const str = (number: number, s: string) => field(number, [...Buffer.from(s)]);

const FLOAT = 1;
const INT64 = 7;
/** ValueInfoProto: name, and a tensor type of `elem` with dims (numbers or symbolic names). */
const valueInfo = (name: string, elem: number, dims: Array<number | string>) =>
  field(11, [...str(1, name), ...field(2, field(1, [...int(1, elem), ...field(2, dims.flatMap((d) => field(1, typeof d === "number" ? int(1, d) : str(2, d))))]))]);

const VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "graph", "neural", "quantum", "spin", "##s"];
const H = 4;
const table = VOCAB.map((_, i) => [i % 2, i % 3, (i * 7) % 5, 1 + i]);

function tinyModel(): Uint8Array {
  const raw = Buffer.from(Float32Array.from(table.flat()).buffer);
  const tensor = [...int(1, VOCAB.length), ...int(1, H), ...int(2, FLOAT), ...str(8, "table"), ...field(9, raw)];
  const node = [...str(1, "table"), ...str(1, "input_ids"), ...str(2, "last_hidden_state"), ...str(3, "lookup"), ...str(4, "Gather")];
  const graph = [
    ...field(1, node),
    ...str(2, "tiny"),
    ...field(5, tensor),
    ...valueInfo("input_ids", INT64, ["batch", "tokens"]),
    // outputs are field 12: rewrite the input helper's field number
  ];
  const output = valueInfo("last_hidden_state", FLOAT, ["batch", "tokens", H]);
  output[0] = (12 << 3) | 2;
  const model = [...int(1, 8), ...str(2, "paperfeed-test"), ...field(7, [...graph, ...output]), ...field(8, [...str(1, ""), ...int(2, 13)])];
  return Uint8Array.from(model);
}

const tokenizer = {
  version: "1.0",
  truncation: null,
  padding: null,
  added_tokens: [],
  normalizer: { type: "Lowercase" },
  pre_tokenizer: { type: "Whitespace" },
  post_processor: null,
  decoder: null,
  model: { type: "WordPiece", unk_token: "[UNK]", continuing_subword_prefix: "##", max_input_chars_per_word: 100, vocab: Object.fromEntries(VOCAB.map((t, i) => [t, i])) },
};

const root = mkdtempSync(join(tmpdir(), "paperfeed-onnx-"));
after(() => rmSync(root, { recursive: true, force: true }));

let runtime: string | null = null;
try {
  await import("onnxruntime-node");
} catch (e) {
  runtime = `onnxruntime-node does not load here: ${(e as Error).message}`;
}

test("onnx: a local model folder embeds texts as the mean of their token vectors", { skip: runtime ?? false }, async () => {
  const dir = join(root, "tiny");
  mkdirSync(dir);
  writeFileSync(join(dir, "model.onnx"), tinyModel());
  writeFileSync(join(dir, "tokenizer.json"), JSON.stringify(tokenizer));
  const embedder = await openOnnxEmbedder(dir, { batchSize: 2 });
  const texts = ["Graph spins", "quantum", "neural graph quantum"];
  const vectors = await embedder.embed(texts);
  const ids = [[4, 7, 8], [6], [5, 4, 6]];
  ids.forEach((tokens, b) => {
    const mean = Array.from({ length: H }, (_, k) => tokens.reduce((s, t) => s + table[t]![k]!, 0));
    const norm = Math.hypot(...mean);
    mean.forEach((x, k) => assert.ok(Math.abs(vectors[b]![k]! - x / norm) < 1e-5, `text ${b} dim ${k}`));
  });
  assert.equal(embedder.name, "onnx:tiny");
});

test("onnx: a missing or broken model file is named", { skip: runtime ?? false }, async () => {
  const dir = join(root, "broken");
  mkdirSync(dir);
  await assert.rejects(openOnnxEmbedder(dir), /onnx model: .*broken[/\\]model\.onnx is missing/);
  writeFileSync(join(dir, "model.onnx"), "not a model");
  writeFileSync(join(dir, "tokenizer.json"), JSON.stringify(tokenizer));
  await assert.rejects(openOnnxEmbedder(dir), /onnx model: .*broken[/\\]model\.onnx: /);
});
