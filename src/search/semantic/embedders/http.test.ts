/**
 * The embeddings client against a real HTTP server on loopback that speaks the OpenAI
 * embeddings protocol: batching, answers out of order, retries after 503, and clear failures.
 */
import assert from "node:assert/strict";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { embeddingsEndpoint, HttpEmbedder } from "./http.js";

interface Received {
  path: string;
  authorization?: string;
  body: { model: string; input: string[] };
}

/** Embeds each text as [length, vowel count, 1], answering in reverse order; `fail(n)` can spoil request n. */
async function startEmbeddingsServer(fail: (n: number) => { status: number; body: string } | null = () => null) {
  const received: Received[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = "";
      req.on("data", (chunk: Buffer) => (text += chunk.toString()));
      req.on("end", () => resolve(text));
    });
  const server = createServer((req, res) => {
    void read(req).then((text) => {
      const body = JSON.parse(text) as Received["body"];
      received.push({ path: req.url ?? "", authorization: req.headers.authorization, body });
      const spoiled = fail(received.length);
      if (spoiled) {
        res.writeHead(spoiled.status, { "content-type": "application/json" });
        res.end(spoiled.body);
        return;
      }
      const data = body.input.map((s, index) => ({ object: "embedding", index, embedding: [s.length, (s.match(/[aeiou]/g) ?? []).length, 1] }));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ object: "list", model: body.model, data: data.reverse(), usage: { prompt_tokens: 1, total_tokens: 1 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const expected = (s: string) => {
  const v = [s.length, (s.match(/[aeiou]/g) ?? []).length, 1];
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};

test("embeddings: batches of batchSize, each answer put back in order, unit vectors", async () => {
  const server = await startEmbeddingsServer();
  try {
    const embedder = new HttpEmbedder({ url: server.url, model: "tiny-embed", batchSize: 2, apiKey: "secret-key" });
    const texts = ["graph", "neural networks", "a", "quantum annealing", "spin"];
    const vectors = await embedder.embed(texts);
    assert.equal(server.received.length, 3);
    assert.deepEqual(server.received.map((r) => r.body.input.length), [2, 2, 1]);
    assert.ok(server.received.every((r) => r.path === "/v1/embeddings" && r.body.model === "tiny-embed"));
    assert.equal(server.received[0]!.authorization, "Bearer secret-key");
    vectors.forEach((v, i) => expected(texts[i]!).forEach((x, k) => assert.ok(Math.abs(v[k]! - x) < 1e-6)));
  } finally {
    await server.close();
  }
});

test("embeddings: a 503 is retried; a bad answer fails naming the endpoint and the item", async () => {
  const flaky = await startEmbeddingsServer((n) => (n === 1 ? { status: 503, body: "{}" } : null));
  try {
    const embedder = new HttpEmbedder({ url: `${flaky.url}/embeddings/`, model: "m", retries: 2, backoffMs: 1 });
    const [v] = await embedder.embed(["spin"]);
    assert.equal(flaky.received.length, 2);
    assert.ok(Math.abs(v![0]! - expected("spin")[0]!) < 1e-6);
  } finally {
    await flaky.close();
  }
  const broken = await startEmbeddingsServer(() => ({ status: 200, body: JSON.stringify({ data: [{ index: 0, embedding: ["x"] }] }) }));
  try {
    const embedder = new HttpEmbedder({ url: broken.url, model: "m", retries: 0 });
    await assert.rejects(embedder.embed(["spin"]), /embeddings: http:\/\/127\.0\.0\.1:\d+\/v1\/embeddings: data\[0\]\.embedding is not a list of numbers/);
  } finally {
    await broken.close();
  }
  const down = await startEmbeddingsServer(() => ({ status: 500, body: "boom" }));
  try {
    const embedder = new HttpEmbedder({ url: down.url, model: "m", retries: 1, backoffMs: 1 });
    await assert.rejects(embedder.embed(["spin"]), (e: Error) => e.message.includes("/v1/embeddings") && e.message.includes("500"));
    assert.equal(down.received.length, 2);
  } finally {
    await down.close();
  }
});

test("embeddings endpoint: a base URL gets /embeddings, a full one is kept", () => {
  assert.equal(embeddingsEndpoint("http://h:1/v1/"), "http://h:1/v1/embeddings");
  assert.equal(embeddingsEndpoint("http://h:1/v1/embeddings"), "http://h:1/v1/embeddings");
});
