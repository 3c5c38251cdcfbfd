/**
 * The one place errors become responses. A PaperfeedError keeps its status and id; its message
 * reaches the client for 4xx (the client's mistake, which the message explains) and for errors
 * marked `visible` (written for visitors, e.g. "arXiv could not be reached …; try again"). Other
 * server-side failures (5xx, and anything that is not a PaperfeedError) get a generic message,
 * since theirs can name files and hosts; the full error goes to the log. Under /api the body is JSON
 * `{error: {id, message}}`, except on the Hugging Face-compatible routes, which answer HF's
 * `{"error": "message"}` (src/serve/api/hf/errors.ts); elsewhere it is an HTML page.
 */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isPaperfeedError } from "../../core/errors.js";
import { isHfRoute } from "../api/hf/errors.js";
import type { Logger } from "../log.js";
import { ErrorPage, NotFoundPage } from "../web/error-page.js";

interface Described {
  status: ContentfulStatusCode;
  id: string;
  message: string;
}

const INTERNAL = "serve: internal error (details are in the server log)";

function describe(err: unknown): Described {
  if (isPaperfeedError(err)) {
    const status = err.status >= 400 && err.status <= 599 ? err.status : 500;
    return {
      status: status as ContentfulStatusCode,
      id: err.id,
      // A 5xx's message may name files and hosts, unless it was written for visitors.
      message: status >= 500 && !err.visible ? INTERNAL : err.message,
    };
  }
  if (err instanceof HTTPException) {
    return {
      status: err.status as ContentfulStatusCode,
      id: `http_${err.status}`,
      message: `serve: ${err.message || "bad request"}`,
    };
  }
  return { status: 500, id: "internal_error", message: INTERNAL };
}

const wantsJson = (c: Context) => c.req.path === "/api" || c.req.path.startsWith("/api/") || isHfRoute(c.req.path);

/** Hugging Face's `{"error": "message"}` on the routes that copy its API; `{error: {id, message}}` on ours. */
const apiError = (c: Context, id: string, message: string) => (isHfRoute(c.req.path) ? { error: message } : { error: { id, message } });

export function errorHandler(log: Logger): ErrorHandler {
  return (err, c) => {
    const { status, id, message } = describe(err);
    // Visible ones were reported where they arose (e.g. arXiv's status and URL); one line is enough.
    if (status >= 500 && isPaperfeedError(err) && err.visible) log.warn(`${c.req.method} ${c.req.path}: ${err.message}`);
    else if (status >= 500)
      log.error(
        `${c.req.method} ${c.req.path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
    if (wantsJson(c)) return c.json(apiError(c, id, message), status);
    return c.html(<ErrorPage status={status} message={message} />, status);
  };
}

/** Words from an unknown path worth offering as a search, e.g. "/graph-networks" → "graph networks". */
function guessFromPath(path: string): string | undefined {
  const words = decodeURIComponent(path.replace(/%(?![0-9a-f]{2})/gi, "%25"))
    .split(/[/\-_+.]+/)
    .filter((w) => w && !/^(papers?|abs|pdf|html?|php|index)$/i.test(w))
    .join(" ")
    .slice(0, 100)
    .trim();
  return words || undefined;
}

export const notFoundHandler: NotFoundHandler = (c) => {
  const what = `${c.req.method} ${c.req.path}`;
  if (wantsJson(c))
    return c.json(apiError(c, "not_found", `serve: no resource at ${what}`), 404);
  return c.html(
    <NotFoundPage message="There is no page at this address." guess={guessFromPath(c.req.path)} />,
    404,
  );
};
