/**
 * `GET /thumbnails/ID.webp` (or `.png`): a paper's first-page thumbnail from the database, so
 * every node serves the same images. Pages link it with `?v=ETAG`; such a URL never changes its
 * bytes and is cached for a year, a bare one for a day, and both answer `If-None-Match` with 304.
 * A paper without one is a 404 (cheap, short-lived), and the page shows its placeholder instead.
 */
import type { Hono } from "hono";
import { parseArxivId } from "../core/arxiv-id.js";
import { type StoreSources, lazyStores } from "./api/stores.js";

const TYPES = { webp: "image/webp", png: "image/png" } as const;
const VERSIONED_CACHE = "public, max-age=31536000, immutable";
const PLAIN_CACHE = "public, max-age=86400";
/** Missing thumbnails may appear at the next job run; let caches ask again soon. */
const MISSING_CACHE = "public, max-age=300";

/** Whether an If-None-Match header names this etag (a list, weak validators, or `*`). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim().replace(/^W\//, "");
    return t === "*" || t === etag;
  });
}

export function mountThumbnails(app: Hono, deps: StoreSources): void {
  // Ids contain slashes (hep-th/9901001), so the parameter takes the rest of the path.
  app.get("/thumbnails/:file{.+\\.(?:webp|png)}", async (c) => {
    const file = c.req.param("file");
    const dot = file.lastIndexOf(".");
    const id = file.slice(0, dot);
    const format = file.slice(dot + 1) as keyof typeof TYPES;
    const missing = () => c.text("no thumbnail for this paper", 404, { "cache-control": MISSING_CACHE });
    if (parseArxivId(id)?.id !== id) return missing();
    const thumbnail = await (await lazyStores(deps).community()).thumbnails.getThumbnail(id);
    if (!thumbnail || thumbnail.format !== format) return missing();
    const etag = `"${thumbnail.etag}"`;
    const headers = {
      "content-type": TYPES[format],
      etag,
      "cache-control": c.req.query("v") === thumbnail.etag ? VERSIONED_CACHE : PLAIN_CACHE,
      "last-modified": new Date(thumbnail.renderedAt).toUTCString(),
    };
    if (matches(c.req.header("if-none-match"), etag)) return c.body(null, 304, headers);
    return c.body(new Uint8Array(thumbnail.bytes), 200, headers);
  });
}
