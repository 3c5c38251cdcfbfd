/**
 * The paperfeed web application: HTML pages, the JSON API, static assets and health check on one
 * Hono app. It only uses what it is given, so tests drive it with `app.request()` against a real
 * store and engine, and `startServer` puts it on a socket.
 */
import { Hono } from "hono";
import type { Config } from "../config/types.js";
import type { SearchEngine } from "../search/types.js";
import type { DeliveryStore } from "../store/delivery-types.js";
import type { Store } from "../store/types.js";
import { mountApi } from "./api/mount.js";
import { mountDelivery } from "./delivery-mount.js";
import { type Logger, createLogger } from "./log.js";
import { errorHandler, notFoundHandler } from "./middleware/errors.js";
import { securityHeaders } from "./middleware/security.js";
import { mountStatic } from "./static.js";
import { mountPages } from "./web/routes.js";

export interface AppDeps {
  store: Store;
  search: SearchEngine;
  config: Config;
  /** Where errors are reported; default: stderr at `config.logLevel`. */
  log?: Logger;
  /** Subscribers and outbox; opened beside the store on first use when not given (src/serve/delivery-mount.tsx). */
  delivery?: DeliveryStore;
}

export function createApp(deps: AppDeps): Hono {
  const log = deps.log ?? createLogger(deps.config.logLevel);
  const app = new Hono();
  app.use(securityHeaders());
  app.get("/healthz", (c) => c.json({ status: "ok", papers: deps.search.size }));
  mountStatic(app);
  mountApi(app, { store: deps.store, search: deps.search });
  mountDelivery(app, { ...deps, log }); // feeds, subscriptions; before the pages, whose heads it extends
  mountPages(app, deps);
  app.notFound(notFoundHandler);
  app.onError(errorHandler(log));
  return app;
}
