/**
 * What every request must pass before any route reads it:
 * - a body limit (`hono/body-limit`): a declared Content-Length over the limit is refused at
 *   once with 413, and a streamed body is cut off as soon as it passes the limit, so no route
 *   ever buffers more than `maxBytes` of anyone's upload;
 * - well-formed percent escapes in the path and the query: `/%ff` is a 400 naming the path, and
 *   `?q=%E0%A4` a 400 naming `q`, instead of a URIError deep inside a route.
 */
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { PaperfeedError } from "../../core/errors.js";

/** Largest request body: 1 MiB (forms and JSON writes are a few KB; a comment is at most 10,000 characters). */
export const MAX_BODY_BYTES = 1024 * 1024;

export const limitBody = (maxBytes = MAX_BODY_BYTES): MiddlewareHandler => {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new PaperfeedError("serve", "body_too_large", `the request body is larger than ${maxBytes} bytes, the most this site accepts`, 413);
    },
  });
  // A request has a body only with Content-Length or Transfer-Encoding (RFC 9112 §6.3). Without
  // either, the limit is skipped: asking for the body would make the server build a full web
  // Request for every page view.
  return (c, next) => (c.req.header("content-length") === undefined && c.req.header("transfer-encoding") === undefined ? next() : limit(c, next));
};

const decodes = (text: string) => {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
};

export const wellFormedEscapes: MiddlewareHandler = async (c, next) => {
  const url = c.req.url;
  const start = url.indexOf("/", url.indexOf("//") + 2);
  const queryAt = url.indexOf("?", start);
  const path = queryAt < 0 ? url.slice(start) : url.slice(start, queryAt);
  if (!decodes(path)) throw new PaperfeedError("serve", "bad_escape", `the path ${path.slice(0, 200)} has a malformed percent escape (not UTF-8)`, 400);
  if (queryAt >= 0) {
    for (const pair of url.slice(queryAt + 1).split("#")[0]!.split("&")) {
      const [name = "", value = ""] = pair.split("=", 2).map((part) => part.replace(/\+/g, " "));
      if (!decodes(name)) throw new PaperfeedError("serve", "bad_escape", `a query parameter name (${name.slice(0, 100)}) has a malformed percent escape`, 400);
      if (!decodes(value)) throw new PaperfeedError("serve", "bad_escape", `parameter ${decodeURIComponent(name)} has a malformed percent escape (${value.slice(0, 100)})`, 400);
    }
  }
  await next();
};
