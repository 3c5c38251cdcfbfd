/**
 * Mounts everything about feeds and email subscriptions on the app, in one call from app.ts
 * (before the pages, so its middleware sees their responses):
 * - feeds and the OpenSearch description, always;
 * - the subscription pages and API, when an SMTP server is configured;
 * - in the <head> of the daily, new and search pages, `<link rel="alternate">` to their feeds and
 *   `<link rel="search">` to the OpenSearch description; and on the daily and new pages the
 *   subscribe box, only while the SMTP server answers. These are added to the finished HTML, so
 *   the page components need not know about feeds or mail; the feed links go on inside the page
 *   cache (the same for every visitor), the subscribe box, with its CSRF token, outside it.
 */
import type { Hono, MiddlewareHandler } from "hono";
import type { Config } from "../config/types.js";
import type { SearchEngine } from "../search/types.js";
import type { CommunityStore } from "../store/community-types.js";
import type { DeliveryStore } from "../store/delivery-types.js";
import { openDeliveryStore } from "../store/open-delivery.js";
import type { Store } from "../store/types.js";
import { mountSubscriptionApi } from "./api/subscriptions/post.js";
import { mountFeeds } from "./feeds/routes.js";
import { watchMail } from "./mail-status.js";
import { rewriteHtml } from "./middleware/html-body.js";
import type { LIMITS } from "./middleware/rate-limit.js";
import { headLinks, subscribeBox } from "./web/subscribe/box.js";
import { mountSubscriptionPages } from "./web/subscribe/routes.js";

export interface DeliveryMountDeps {
  store: Store;
  search: SearchEngine;
  config: Config;
  /** The delivery tables; opened beside the store on first use when not given. */
  delivery?: DeliveryStore;
  log?: { warn(message: string): void };
  /** Where the subscription limits are counted (the community store's rate-limit windows). */
  community: () => Promise<CommunityStore>;
  limits: Pick<typeof LIMITS, "subscribePerClient" | "subscribePerAddress">;
  /** Kept anonymous pages (middleware/page-cache.ts), placed inside the subscribe box and outside the feed links. */
  pageCache?: MiddlewareHandler;
}

export function mountDelivery(app: Hono, deps: DeliveryMountDeps): void {
  const base = deps.config.baseUrl;
  let opened: Promise<DeliveryStore> | null = deps.delivery ? Promise.resolve(deps.delivery) : null;
  const delivery = () =>
    (opened ??= openDeliveryStore({ path: deps.config.db, url: deps.config.databaseUrl ?? undefined }));
  const mail = watchMail(deps.config.smtpUrl, (m) => deps.log?.warn(m));

  const pagePath = (path: string) => path === "/" || path === "/new" || path === "/search";
  // The subscribe box carries the visitor's CSRF token, so it goes on outside the page cache.
  app.use(async (c, next) => {
    await next();
    if (!mail.ok || (c.req.path !== "/" && c.req.path !== "/new")) return;
    await rewriteHtml(c, (html) => html.replace('<footer class="column footer">', () => `${subscribeBox()}<footer class="column footer">`));
  });
  if (deps.pageCache) app.use(deps.pageCache);
  app.use(async (c, next) => {
    await next();
    const path = c.req.path;
    if (!pagePath(path)) return;
    await rewriteHtml(c, (html) => html.replace("</head>", () => `${headLinks(path, new URL(c.req.url).searchParams)}</head>`));
  });

  mountFeeds(app, {
    store: deps.store,
    search: deps.search,
    base,
    delivery: async () => (deps.config.smtpUrl || deps.delivery ? delivery() : null),
  });
  if (!deps.config.smtpUrl) return;
  const limited = { community: deps.community, limits: deps.limits };
  mountSubscriptionPages(app, { store: deps.store, delivery, base, ...limited });
  mountSubscriptionApi(app, { delivery, ...limited });
}
