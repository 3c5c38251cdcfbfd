/**
 * Compresses pages, JSON and feeds: Brotli where the client accepts it, else gzip. hono's own
 * `compress` middleware offers only gzip and deflate (it uses the web CompressionStream, which has
 * no Brotli), so this one follows its rules — the same compressible types, a size threshold,
 * `Vary: Accept-Encoding`, `Cache-Control: no-transform` respected, strong ETags made weak —
 * over node:zlib. Responses are compressed whole: pages and feed pages are a few hundred KB at
 * most, and a body in memory gets Brotli's size hint.
 */
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { MiddlewareHandler } from "hono";
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/utils/compress";
import { bodyBytes, hasBody, knownText, replaceResponse } from "./html-body.js";

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

export interface CompressOptions {
  /** Bodies smaller than this many bytes go out as they are (default 1024; compressing them saves nothing). */
  threshold?: number;
  /**
   * Brotli quality, 0–11 (default 5): on a 100 KB page 5 is within a few percent of 11's size
   * at a small fraction of its time, which matters because pages are compressed per request.
   */
  brotliQuality?: number;
}

type Encoding = "br" | "gzip";

/** The best encoding the Accept-Encoding header allows: br before gzip at equal weight; none for q=0. */
export function chooseEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const item of header.split(",")) {
    const [name, ...params] = item.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (e: Encoding) => weights.get(e) ?? weights.get("*") ?? 0;
  const best = (["br", "gzip"] as const)
    .filter((e) => weight(e) > 0)
    .sort((a, b) => weight(b) - weight(a))[0];
  return best ?? null;
}

export function compressResponses(options: CompressOptions = {}): MiddlewareHandler {
  const threshold = options.threshold ?? 1024;
  const quality = options.brotliQuality ?? 5;
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get("Content-Type");
    if (
      c.req.method === "HEAD" ||
      !hasBody(res) ||
      res.status === 206 ||
      res.headers.has("Content-Encoding") ||
      !type ||
      !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
      /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get("Cache-Control") ?? "")
    )
      return;
    const vary = res.headers.get("Vary");
    if (vary !== "*" && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary ?? ""))
      res.headers.set("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    const encoding = chooseEncoding(c.req.header("Accept-Encoding"));
    // Uncompressed answers go out as the route made them: reading a body back costs more than the page.
    if (!encoding) return;
    const body = await bodyBytes(res);
    if (body.length < threshold) {
      // A body read from its stream is gone from `res`: it goes out again from the bytes read.
      if (knownText(res) === undefined) replaceResponse(c, new Response(body, { status: res.status, headers: res.headers }));
      return;
    }
    const packed =
      encoding === "br"
        ? await brotli(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: quality,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          })
        : await gzipped(body);
    const headers = new Headers(res.headers);
    headers.set("Content-Length", String(packed.length));
    headers.set("Content-Encoding", encoding);
    const etag = headers.get("ETag");
    if (etag && !etag.startsWith("W/")) headers.set("ETag", `W/${etag}`);
    replaceResponse(c, new Response(packed, { status: res.status, headers }));
  };
}
