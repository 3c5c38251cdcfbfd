/** Compression over a real socket: Brotli or gzip as the client asks, the same bytes once decoded, nothing for HEAD or tiny bodies. */
import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, test } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { type FixtureApp, listenOnLoopback, openFixtureApp } from "../testing/fixture-app.js";
import { chooseEncoding } from "./compress.js";

let fx: FixtureApp;
let server: { base: string; close: () => Promise<void> };
before(async () => {
  fx = await openFixtureApp();
  server = await listenOnLoopback(fx.app);
});
after(async () => {
  await server.close();
  await fx.close();
});

/** The raw bytes and headers, undecoded (fetch would decode them for us). */
function raw(path: string, acceptEncoding: string | null, method = "GET"): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.base}${path}`, { method, headers: acceptEncoding === null ? {} : { "accept-encoding": acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Search pages and answers say how long they took; that part differs from one request to the next. */
const steady = (body: Buffer) => body.toString("utf8").replace(/[\d.,]+\s?ms\b/g, "ms").replace(/"(took|time|elapsed)\w*":\s*[\d.]+/gi, '"$1":0');

test("pages, JSON and feeds go out as Brotli or gzip as asked, and decode to the same bytes", async () => {
  for (const path of ["/", "/search?q=quantum", "/api/v1/search?q=quantum", "/feeds/daily.atom", "/openapi.json"]) {
    const plain = await raw(path, null);
    assert.equal(plain.status, 200, path);
    assert.equal(plain.headers["content-encoding"], undefined, `${path}: nothing asked, nothing encoded`);
    const br = await raw(path, "gzip, deflate, br");
    assert.equal(br.headers["content-encoding"], "br", path);
    assert.match(String(br.headers.vary), /Accept-Encoding/i);
    assert.equal(Number(br.headers["content-length"]), br.body.length);
    assert.ok(br.body.length < plain.body.length * 0.7, `${path}: ${br.body.length} of ${plain.body.length} bytes`);
    assert.equal(steady(brotliDecompressSync(br.body)), steady(plain.body), path);
    const gz = await raw(path, "gzip");
    assert.equal(gz.headers["content-encoding"], "gzip", path);
    assert.equal(steady(gunzipSync(gz.body)), steady(plain.body), path);
  }
});

test("HEAD, tiny bodies and refused encodings stay as they are", async () => {
  assert.equal((await raw("/", "br", "HEAD")).headers["content-encoding"], undefined);
  assert.equal((await raw("/healthz", "br")).headers["content-encoding"], undefined, "a few bytes are not worth it");
  assert.equal((await raw("/", "br;q=0, gzip;q=0")).headers["content-encoding"], undefined);
});

test("the Accept-Encoding header is read with its weights", () => {
  assert.equal(chooseEncoding("gzip, deflate, br"), "br");
  assert.equal(chooseEncoding("gzip;q=1, br;q=0.5"), "gzip");
  assert.equal(chooseEncoding("br;q=0, gzip"), "gzip");
  assert.equal(chooseEncoding("*"), "br");
  assert.equal(chooseEncoding("identity"), null);
  assert.equal(chooseEncoding(undefined), null);
});
