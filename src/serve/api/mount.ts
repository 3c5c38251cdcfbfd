/**
 * The JSON API: every resource registered on one OpenAPIHono, so the zod schemas that validate
 * requests are the ones `/openapi.json` (OpenAPI 3.1) is generated from. Failures are thrown to
 * the app's one error handler, which answers `{error: {id, message}}`.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Hono } from "hono";
import type { PaperFetcher } from "../../actions/community/context.js";
import type { SearchEngine } from "../../search/types.js";
import type { Store } from "../../store/types.js";
import { validationHook } from "./common/errors.js";
import { mountCommunityReads } from "./community/routes.js";
import { mountDays } from "./days/routes.js";
import type { ApiDeps } from "./deps.js";
import { mountDailyPapers } from "./hf/daily-papers.js";
import { mountPaperMarkdown } from "./hf/markdown.js";
import { mountHfPapers } from "./hf/papers.js";
import { mountPapers } from "./papers/routes.js";
import { mountWhoAmI } from "./me/whoami.js";
import { mountSearch } from "./search/routes.js";
import { mountListWrites } from "./writes/lists.js";
import { mountPaperWrites } from "./writes/papers.js";
import { type StoreSources, lazyStores } from "./stores.js";

const DESCRIPTION = `paperfeed's JSON API. Native resources live under /api/v1; /api/daily_papers,
/api/papers…, /papers/{id}.md and /api/whoami-v2 answer in Hugging Face's shapes, so existing
clients can point at this instance. Errors on the native routes are {"error": {"id", "message"}}
with a stable id; on the Hugging Face-compatible ones they are Hugging Face's {"error": "message"}.`;

export function createApi(deps: ApiDeps): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook: validationHook });
  mountDailyPapers(api, deps);
  mountHfPapers(api, deps);
  mountPaperMarkdown(api, deps);
  mountPapers(api, deps);
  mountSearch(api, deps);
  mountDays(api, deps);
  mountWhoAmI(api, deps);
  mountCommunityReads(api, deps);
  mountPaperWrites(api, deps);
  mountListWrites(api, deps);
  api.doc31("/openapi.json", (c) => ({
    openapi: "3.1.0",
    info: { title: "paperfeed API", version: "1", description: DESCRIPTION, license: { name: "MIT", identifier: "MIT" } },
    servers: [{ url: new URL(c.req.url).origin, description: "This instance" }],
  }));
  return api;
}

export interface MountApiDeps extends StoreSources {
  store: Store;
  search: SearchEngine;
  fetchPaper?: PaperFetcher | undefined;
}

export function mountApi(app: Hono, deps: MountApiDeps): void {
  const { store, search, config, fetchPaper } = deps;
  app.route("/", createApi({ store, search, config, ...lazyStores(deps), ...(fetchPaper ? { fetchPaper } : {}) }));
}
