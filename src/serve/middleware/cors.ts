/**
 * CORS for the read API, so a web app on another origin can fetch() `/api/daily_papers` and the
 * rest: GET and HEAD answers, and the OPTIONS preflight for them, carry
 * `Access-Control-Allow-Origin` for the configured origins (`corsOrigins`, any by default), with
 * no credentials — cookies never cross. Writes get no CORS headers at all, and a preflight offers
 * only GET and HEAD, so a page elsewhere cannot POST with a token; writes stay token-only.
 * `Authorization` may be sent on reads (a token the calling app holds, e.g. for /api/whoami-v2).
 * The same routes answer `Cross-Origin-Resource-Policy: cross-origin` instead of the site's
 * `same-origin`, so other sites may also embed thumbnails and fetch in no-cors mode.
 * Registered before the security headers, so its headers are set last.
 */
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import type { Config } from "../../config/types.js";

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const READ_API = /^\/(?:api\/.*|papers\/.+\.md|openapi\.json|thumbnails\/.+)$/;

/** Whether `path` belongs to the read API that other origins may fetch. */
export const isReadApiPath = (path: string) => READ_API.test(path);

export function readApiCors(config: Pick<Config, "corsOrigins">): MiddlewareHandler {
  const origins = config.corsOrigins ?? ["*"];
  const allow = cors({
    origin: origins.includes("*") ? "*" : [...origins],
    allowMethods: ["GET", "HEAD"],
    allowHeaders: ["Authorization"],
    // The next page of /api/papers is in Link; a client on another origin must be able to read it.
    exposeHeaders: ["Link"],
    maxAge: 86400,
    credentials: false,
  });
  const anyOrigin = origins.includes("*");
  return async (c, next) => {
    if (origins.length === 0 || !READ_METHODS.has(c.req.method) || !isReadApiPath(c.req.path)) return next();
    if (c.req.method !== "OPTIONS") {
      // A read gets the same headers as hono's cors would set, but after the route: touching
      // c.res before it makes hono copy the route's answer into a full web Response (through its
      // body stream), the largest cost of a small API answer.
      await next();
      const headers = c.res.headers;
      const origin = c.req.header("origin") ?? "";
      if (anyOrigin || origins.includes(origin)) headers.set("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
      headers.set("Access-Control-Expose-Headers", "Link");
      if (!anyOrigin) headers.append("Vary", "Origin");
      headers.set("Cross-Origin-Resource-Policy", "cross-origin");
      return;
    }
    // A preflight for a write is not answered: the browser then never sends the write.
    if (!READ_METHODS.has(c.req.header("access-control-request-method")?.toUpperCase() ?? "")) return next();
    // A preflight is answered by `allow` itself (204), without the routes behind it.
    const preflight = await allow(c, next);
    if (preflight) c.res = preflight;
    c.res.headers.set("Cross-Origin-Resource-Policy", "cross-origin");
  };
}
