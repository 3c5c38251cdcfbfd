/**
 * The paperfeed web application: HTML pages, the JSON API, static assets and health check on one
 * Hono app. It only uses what it is given, so tests drive it with `app.request()` against a real
 * store and engine, and `startServer` puts it on a socket.
 */
import { Hono } from "hono";
import type { Config } from "../config/types.js";
import type { SearchEngine } from "../search/types.js";
import type { AccountMailer } from "../actions/accounts/mailer.js";
import type { PaperFetcher } from "../actions/community/context.js";
import type { ApiTokenStore } from "../store/api-token-types.js";
import type { CommunityStore } from "../store/community-types.js";
import type { DeliveryStore } from "../store/delivery-types.js";
import type { Store } from "../store/types.js";
import { mountApi } from "./api/mount.js";
import { lazyStores } from "./api/stores.js";
import { mountExport } from "./export/routes.js";
import { mountCommunity } from "./community-mount.js";
import { mountDelivery } from "./delivery-mount.js";
import { type Logger, createLogger } from "./log.js";
import { readApiCors } from "./middleware/cors.js";
import { mcpDeps } from "./mcp/deps.js";
import { mountMcp } from "./mcp/http.js";
import { errorHandler, notFoundHandler } from "./middleware/errors.js";
import { LIMITS } from "./middleware/rate-limit.js";
import { limitBody, wellFormedEscapes } from "./middleware/request-limits.js";
import { securityHeaders } from "./middleware/security.js";
import { compressResponses } from "./middleware/compress.js";
import { keepBodyText } from "./middleware/html-body.js";
import { pageCache } from "./middleware/page-cache.js";
import { clientAddressMiddleware } from "./middleware/client-address.js";
import { mountStatic } from "./static.js";
import { mountThumbnails } from "./thumbnails-route.js";
import { mountPages } from "./web/routes.js";
import { mountTokenPages } from "./web/tokens/routes.js";

export interface AppDeps {
  store: Store;
  search: SearchEngine;
  config: Config;
  /** Where errors are reported; default: stderr at `config.logLevel`. */
  log?: Logger;
  /** Subscribers and outbox; opened beside the store on first use when not given (src/serve/delivery-mount.tsx). */
  delivery?: DeliveryStore;
  /** Accounts, curated lists, votes, comments, collections; opened beside the store on first use when not given. */
  communityStore?: CommunityStore;
  /** Sends account mail (verification, password reset); without one sign-ups are active at once. */
  accountMailer?: AccountMailer | null;
  /** API tokens (src/store/api-token-types.ts); opened beside the store on first use when not given. */
  apiTokens?: ApiTokenStore;
  /** Rate-limit overrides for the community (src/serve/middleware/rate-limit.ts). */
  communityLimits?: Partial<typeof LIMITS>;
  /**
   * Fetches papers the store lacks from arXiv (`createPaperFetcher`, src/ingest/arxiv-api), for
   * paper pages, submissions and collections; without one only stored papers can be used.
   */
  fetchPaper?: PaperFetcher | undefined;
  /**
   * A number that changes whenever stored papers change (the live index's change seq). Given,
   * anonymous visitors' daily, new, search and paper pages are kept a few seconds
   * (middleware/page-cache.ts); absent (tests driving the app directly), every page is rendered.
   */
  pageVersion?: () => number;
}

/**
 * Pages kept for anonymous visitors: the same for all of them, and the ones a busy site serves
 * most. A paper page (its related papers are a search over its whole abstract) cost 3 ms of CPU
 * on the demo papers; a trending paper is opened by many visitors in a few seconds.
 */
const CACHED_PAGES = /^\/(new|search|papers\/.+)?$/;

export function createApp(deps: AppDeps): Hono {
  const log = deps.log ?? createLogger(deps.config.logLevel);
  const app = new Hono();
  app.use(compressResponses()); // outermost, so it compresses every other middleware's final output
  app.use(keepBodyText); // pages and JSON keep their strings, so middleware reads them without decoding a body
  app.use(readApiCors(deps.config)); // before the security headers, so its Cross-Origin-Resource-Policy outlasts their default
  app.use(clientAddressMiddleware(deps.config.trustProxy ?? 0));
  app.use(securityHeaders());
  // Before anything reads the request: bodies are capped and escapes checked (request-limits.ts).
  app.use(limitBody(), wellFormedEscapes);
  const pages = deps.pageVersion ? pageCache({ paths: CACHED_PAGES, version: deps.pageVersion }) : undefined;
  // Every write this process answers makes its kept pages stale, whichever route answered it.
  if (pages) app.use(pages.countWrites);
  app.get("/healthz", (c) => c.json({ status: "ok", papers: deps.search.size }));
  mountStatic(app);
  mountThumbnails(app, deps);
  mountApi(app, deps);
  mountMcp(app, () => mcpDeps({ ...deps, community: lazyStores(deps).community, log: (line) => log.warn(line) }));
  mountExport(app, deps);
  const limits = { ...LIMITS, ...deps.communityLimits };
  const community = mountCommunity(app, { ...deps, community: deps.communityStore, limits, tokens: lazyStores(deps).tokens }); // sessions first, so every page below knows its viewer
  mountTokenPages(app, lazyStores(deps)); // after the sessions: it needs the viewer
  // Feeds, subscriptions; before the pages, whose heads it extends; the page cache goes inside its subscribe box.
  mountDelivery(app, { ...deps, log, community, limits, ...(pages ? { pageCache: pages.keep } : {}) });
  mountPages(app, deps);
  app.notFound(notFoundHandler);
  app.onError(errorHandler(log));
  return app;
}
