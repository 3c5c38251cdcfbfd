/**
 * The community stylesheet and script, served from /static/community/ with a content hash in
 * the URL (cached for a year, like the site's own assets in static.ts).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "assets");
const FILES: Record<string, string> = { "community.css": "text/css; charset=utf-8", "community.js": "text/javascript; charset=utf-8" };
const bodies = new Map(Object.keys(FILES).map((name) => [name, readFileSync(join(DIR, name))]));
const hashOf = (name: string) => createHash("sha256").update(bodies.get(name)!).digest("hex").slice(0, 12);

export const communityAssetUrls = {
  style: `/static/community/community.css?v=${hashOf("community.css")}`,
  script: `/static/community/community.js?v=${hashOf("community.js")}`,
} as const;

export function mountCommunityAssets(app: Hono): void {
  app.get("/static/community/:name", (c, next) => {
    const name = c.req.param("name");
    const body = bodies.get(name);
    if (!body) return next();
    return new Response(new Uint8Array(body), { headers: { "content-type": FILES[name]!, "cache-control": "public, max-age=31536000, immutable" } });
  });
}
