/**
 * Pages as strings, from the route to the socket. Several middlewares add to a finished page (feed
 * links, the subscribe box, a paper's community parts) and compression reads every body; reading
 * a Response's body back (`res.text()`) makes @hono/node-server build a full web Response from its
 * lightweight one — checking the string, encoding it and decoding it again — which cost more
 * than rendering the page. So `c.html` and `c.json` remember the string they were given beside
 * the response (`keepBodyText`, installed first), and `rewriteHtml` / `bodyText` read it from
 * there; a response made elsewhere is read the usual way.
 */
import type { Context, MiddlewareHandler, TypedResponse } from "hono";
import { HtmlEscapedCallbackPhase, resolveCallback } from "hono/utils/html";
import { jsonLatin1 } from "../latin1.js";

const texts = new WeakMap<Response, string>();
/** The UTF-8 of a remembered text, where the response was made from it (kept pages). */
const encoded = new WeakMap<Response, Buffer>();

const remember = (res: Response, text: string) => {
  texts.set(res, text);
  return res;
};

/** The string a response's body was made from, if this module knows it. */
export const knownText = (res: Response): string | undefined => texts.get(res);

/** A response whose body is `bytes`, the UTF-8 of `text`, remembered as both. */
export function textResponse(bytes: Buffer, text: string, init: ResponseInit): Response {
  const res = remember(new Response(bytes, init), text);
  encoded.set(res, bytes);
  return res;
}

/** The text of a response's body: the string it was made from when known, else read. */
export const bodyText = (res: Response): Promise<string> => {
  const known = texts.get(res);
  return known === undefined ? res.text() : Promise.resolve(known);
};

/** Whether a response has a body, without reading it when its text is known. */
export const hasBody = (res: Response) => {
  const known = texts.get(res);
  return known === undefined ? res.body !== null : known.length > 0;
};

/** The bytes of a response's body: its known string's UTF-8, else read as they are. */
export const bodyBytes = async (res: Response): Promise<Buffer> => {
  const known = texts.get(res);
  if (known === undefined) return Buffer.from(await res.arrayBuffer());
  return encoded.get(res) ?? Buffer.from(known);
};

/** Makes `c.html` and `c.json` keep the body's string beside their response. Installed before every route. */
export const keepBodyText: MiddlewareHandler = async (c, next) => {
  const html = c.html as (...args: unknown[]) => Response;
  c.html = ((body: unknown, ...rest: unknown[]) => {
    const respond = (text: string) => remember(html(text, ...rest), text);
    if (typeof body === "string") return respond(body);
    // A JSX page (or a promise of one) is resolved to its string the way c.html itself would.
    return Promise.resolve(resolveCallback(body as string, HtmlEscapedCallbackPhase.Stringify, false, {})).then((text) => respond(String(text)));
  }) as typeof c.html;
  const body = c.body as (...args: unknown[]) => Response;
  c.json = ((object: unknown, arg?: unknown, headers?: Record<string, string>) => {
    const text = jsonLatin1(object);
    const typed = headers && Object.keys(headers).some((k) => k.toLowerCase() === "content-type") ? headers : { ...headers, "content-type": "application/json" };
    return remember(body(text, arg, typed), text);
  }) as typeof c.json;
  await next();
};

/**
 * As `c.json`, for a body already serialised (papers' stored JSON spliced in, say); typed as the
 * `T` the caller vouches `text` holds, so an OpenAPI route can answer with it.
 */
export function jsonText<T>(c: Context, text: string): TypedResponse<T, 200, "json"> {
  return remember(c.body(text, 200, { "content-type": "application/json" }), text) as unknown as TypedResponse<T, 200, "json">;
}

/**
 * Sets `c.res` to `res` as it is. Assigning over a response hono already has makes it copy the
 * new one through `res.body` (to carry headers over), which turns a lightweight response into a
 * full one and loses the remembered text; clearing it first skips that copy, so the caller
 * carries every header over itself.
 */
export function replaceResponse(c: Context, res: Response): void {
  c.res = undefined;
  c.res = res;
}

/**
 * Replaces the finished page with `edit(html)` when the response is a 200 HTML page to a GET;
 * status and headers are kept (but Content-Length, which the new body no longer matches).
 */
export async function rewriteHtml(c: Context, edit: (html: string) => string | Promise<string>): Promise<void> {
  if (c.req.method !== "GET" || c.res.status !== 200 || !c.res.headers.get("content-type")?.startsWith("text/html")) return;
  const html = await edit(await bodyText(c.res));
  const headers = new Headers(c.res.headers);
  headers.delete("content-length");
  replaceResponse(c, remember(new Response(html, { status: 200, headers }), html));
}

