/**
 * Static assets under /static: our stylesheet and enhancement script, and KaTeX's stylesheet and
 * fonts straight from the katex package. URLs carry a content hash (our files) or the KaTeX
 * version, so responses can be cached for a year and a new release is still picked up at once.
 * Only known file names are served, so no request can walk the file system.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";

const OWN_DIR = join(dirname(fileURLToPath(import.meta.url)), "web", "assets");
const katexMain = createRequire(import.meta.url).resolve("katex");
const KATEX_DIST = dirname(katexMain);
const KATEX_VERSION = (
  JSON.parse(readFileSync(join(KATEX_DIST, "..", "package.json"), "utf8")) as { version: string }
).version;

const TYPES: Record<string, string> = {
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  woff2: "font/woff2",
  woff: "font/woff",
  ttf: "font/ttf",
  svg: "image/svg+xml",
};
const LONG_CACHE = "public, max-age=31536000, immutable";

const hashOf = (body: Buffer) => createHash("sha256").update(body).digest("hex").slice(0, 12);

/** Our own files, read once at start. */
const own = new Map<string, { body: Buffer; hash: string }>();
for (const name of ["style.css", "enhance.js", "favicon.svg"]) {
  const body = readFileSync(join(OWN_DIR, name));
  own.set(name, { body, hash: hashOf(body) });
}

/** Page-facing URLs of the assets. */
export const assetUrls = {
  style: `/static/style.css?v=${own.get("style.css")!.hash}`,
  script: `/static/enhance.js?v=${own.get("enhance.js")!.hash}`,
  icon: `/static/favicon.svg?v=${own.get("favicon.svg")!.hash}`,
  katexCss: `/static/katex-${KATEX_VERSION}/katex.min.css`,
} as const;

const katexFiles = new Map<string, Buffer>();
const KATEX_NAME = /^(katex\.min\.css|fonts\/KaTeX_[A-Za-z0-9_-]+\.(?:woff2|woff|ttf))$/;

function katexFile(name: string): Buffer | null {
  if (!KATEX_NAME.test(name)) return null;
  let body = katexFiles.get(name);
  if (!body) {
    try {
      body = readFileSync(join(KATEX_DIST, name));
    } catch {
      return null;
    }
    katexFiles.set(name, body);
  }
  return body;
}

function respond(body: Buffer, name: string): Response {
  const ext = name.slice(name.lastIndexOf(".") + 1);
  return new Response(new Uint8Array(body), {
    headers: { "content-type": TYPES[ext] ?? "application/octet-stream", "cache-control": LONG_CACHE },
  });
}

/** Adds the /static routes; unknown names fall through to the 404 page. */
export function mountStatic(app: Hono): void {
  app.get(`/static/katex-${KATEX_VERSION}/:name{.+}`, (c, next) => {
    const name = c.req.param("name");
    const body = katexFile(name);
    return body ? respond(body, name) : next();
  });
  app.get("/static/:name", (c, next) => {
    const name = c.req.param("name");
    const file = own.get(name);
    return file ? respond(file.body, name) : next();
  });
}
