/**
 * Pages as anonymous visitors see them, kept for a few seconds. A visitor without a session gets
 * the same daily, new or search page as every other such visitor (the CSRF cookie is set outside
 * this cache, and a page that would carry a per-visitor value is never kept: see below), so a
 * busy instance renders each of them once per change instead of once per request.
 *
 * A kept page is used while all of these hold:
 * - it is at most `ttlMs` old (default 5 s: votes, stars, thumbnails and the day's rollover
 *   change pages without a store change, and other web processes' writes are not seen here);
 * - the search index reflects the same store change (`version()`: a paper imported, updated or
 *   removed shows at once);
 * - this process answered no write (POST, PUT, PATCH, DELETE) since it was rendered.
 *
 * Never kept: requests with a session cookie, answers other than 200 HTML, answers that set a
 * cookie, and any page containing the visitor's CSRF token (a form for the visitor), checked on
 * the rendered text, so a form added to an anonymous page later can never be served to
 * another visitor with someone else's token.
 *
 * A page is kept from its second request within `ttlMs` on (or when a kept copy went stale): most
 * search addresses are asked once, and keeping each of them (60–120 KB of string a page) filled
 * the old generation of the heap so fast that at 1M papers every web process stopped for
 * 200 ms of garbage collection every 13 s under load. Only the addresses are remembered meanwhile.
 */
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { TtlCache } from "../../core/ttl-cache.js";
import { knownText, replaceResponse, textResponse } from "./html-body.js";
import { SESSION_COOKIE, currentViewer } from "./session.js";

export interface PageCacheOptions {
  /** Which paths are pages worth keeping (GET only). */
  paths: RegExp;
  /** A number that changes whenever stored papers change (the search index's change seq). */
  version: () => number;
  /** Default 5,000. */
  ttlMs?: number;
  /** Pages kept at most (least recently used dropped first); default 500. */
  maxEntries?: number;
  /** Bytes of pages kept at most; default 64 MiB. */
  maxBytes?: number;
  now?: () => number;
}

interface Entry {
  at: number;
  version: number;
  writes: number;
  text: string;
  bytes: Buffer;
  headers: Array<[string, string]>;
}

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface PageCache {
  /**
   * Counts the writes this process answers. It goes before every route that writes: community
   * writes (votes, comments) are answered before the kept pages' middleware is reached.
   */
  countWrites: MiddlewareHandler;
  /** Serves kept pages and keeps new ones; it goes where the part of a page worth keeping is complete. */
  keep: MiddlewareHandler;
}

export function pageCache(options: PageCacheOptions): PageCache {
  const ttlMs = options.ttlMs ?? 5_000;
  const maxEntries = options.maxEntries ?? 500;
  const maxBytes = options.maxBytes ?? 64 * 1024 ** 2;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  /** Addresses asked once and not kept, for `ttlMs`: kept if asked again meanwhile. */
  const seen = new TtlCache<string, true>(Math.max(16, 4 * maxEntries), { now });
  let bytes = 0;
  let writes = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.bytes.length;
    entries.delete(key);
  };

  const countWrites: MiddlewareHandler = async (c, next) => {
    if (!WRITES.has(c.req.method)) return next();
    try {
      await next();
    } finally {
      writes++;
    }
  };

  const keep: MiddlewareHandler = async (c, next) => {
    if (c.req.method !== "GET" || !options.paths.test(c.req.path) || getCookie(c, SESSION_COOKIE) !== undefined) return next();
    const key = c.req.url;
    const version = options.version();
    const kept = entries.get(key);
    if (kept && kept.version === version && kept.writes === writes && now() - kept.at <= ttlMs) {
      // Most recently used last, so the oldest are dropped first.
      entries.delete(key);
      entries.set(key, kept);
      replaceResponse(c, textResponse(kept.bytes, kept.text, { status: 200, headers: kept.headers }));
      return;
    }
    if (!kept && !seen.get(key)) {
      // Asked once so far: rendered, not kept.
      seen.set(key, true, ttlMs);
      return next();
    }
    drop(key);
    const writesBefore = writes;
    const at = now();
    await next();
    const res = c.res;
    const text = knownText(res);
    const csrf = currentViewer()?.issuedCsrf;
    if (
      text === undefined ||
      res.status !== 200 ||
      !res.headers.get("content-type")?.startsWith("text/html") ||
      res.headers.has("set-cookie") ||
      (csrf && text.includes(csrf))
    )
      return;
    const entry: Entry = { at, version, writes: writesBefore, text, bytes: Buffer.from(text), headers: [...res.headers] };
    if (entry.bytes.length > maxBytes / 4) return;
    entries.set(key, entry);
    bytes += entry.bytes.length;
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      drop(oldest);
    }
    // The kept bytes go out from here on, encoded once.
    replaceResponse(c, textResponse(entry.bytes, text, { status: 200, headers: entry.headers }));
  };

  return { countWrites, keep };
}
