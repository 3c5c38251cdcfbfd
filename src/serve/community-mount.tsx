/**
 * Mounts the community on the app in one call from app.ts: the session middleware (before the
 * pages, so every page knows its viewer), the account and account-settings, curated-list, vote, comment, collection,
 * profile and trending routes, and the community assets. The community tables are opened beside
 * the store on first use unless given.
 */
import type { Hono } from "hono";
import type { AccountMailer } from "../actions/accounts/mailer.js";
import type { PaperFetcher } from "../actions/community/context.js";
import type { Config } from "../config/types.js";
import type { SearchEngine } from "../search/types.js";
import type { ApiTokenStore } from "../store/api-token-types.js";
import type { CommunityStore } from "../store/community-types.js";
import type { DeliveryStore } from "../store/delivery-types.js";
import { openApiTokenStore } from "../store/open-api-tokens.js";
import { openCommunityStore } from "../store/open-community.js";
import type { Store } from "../store/types.js";
import { LIMITS } from "./middleware/rate-limit.js";
import { sessionMiddleware } from "./middleware/session.js";
import { mountAccountRoutes } from "./web/account/routes.js";
import { mountMaillessSignUp } from "./web/account/signup-routes.js";
import { mountAccountSettings } from "./web/account/settings/routes.js";
import { mountCollectionRoutes } from "./web/collections/routes.js";
import { mountCommunityAssets } from "./web/community-assets.js";
import { type CommunityWebDeps, isSecure } from "./web/community-deps.js";
import { mountCuratedRoutes } from "./web/curated/routes.js";
import { mountEngageRoutes } from "./web/engage-routes.js";
import { mountFollowRoutes } from "./web/follow/routes.js";
import { mountForYouRoutes } from "./web/for-you/routes.js";
import { mountProfileRoutes } from "./web/profile/routes.js";
import { mountTrendingRoutes } from "./web/trending/routes.js";

export interface CommunityMountDeps {
  store: Store;
  search: SearchEngine;
  config: Config;
  community?: CommunityStore | undefined;
  /** Sends account mail; without one sign-ups are active at once and passwords cannot be reset by mail. */
  accountMailer?: AccountMailer | null;
  fetchPaper?: PaperFetcher;
  clock?: () => Date;
  /** Overrides of the rate limits (middleware/rate-limit.ts), e.g. for tests that sign up many members. */
  limits?: Partial<typeof LIMITS> | undefined;
  /** Saved searches, for For you; present when mail is on. */
  delivery?: DeliveryStore | undefined;
  /** API tokens, listed on the settings page, exported and revoked with the account; opened beside the store when not given. */
  tokens?: (() => Promise<ApiTokenStore>) | undefined;
}

/** Returns the community store's opener, for the rate limits of other routes (subscriptions). */
export function mountCommunity(app: Hono, deps: CommunityMountDeps): () => Promise<CommunityStore> {
  let opened: Promise<CommunityStore> | null = deps.community ? Promise.resolve(deps.community) : null;
  const community = () => (opened ??= openCommunityStore({ path: deps.config.db, url: deps.config.databaseUrl ?? undefined }));
  let secret: Promise<string> | null = null;
  const csrfSecret = () => (secret ??= community().then((c) => c.secret("csrf")));
  const web: CommunityWebDeps = {
    store: deps.store,
    search: deps.search,
    config: deps.config,
    community,
    mailer: deps.accountMailer ?? null,
    limits: { ...LIMITS, ...deps.limits },
    ...(deps.fetchPaper ? { fetchPaper: deps.fetchPaper } : {}),
    ...(deps.clock ? { clock: deps.clock } : {}),
    ...(deps.delivery ? { delivery: deps.delivery } : {}),
  };
  mountCommunityAssets(app);
  app.use(sessionMiddleware({ community, secret: csrfSecret, secure: isSecure(deps.config) }));
  mountAccountRoutes(app, web);
  mountMaillessSignUp(app, web); // only where the site sends no mail
  let tokens: Promise<ApiTokenStore> | null = null;
  mountAccountSettings(app, web, deps.tokens ?? (() => (tokens ??= openApiTokenStore({ path: deps.config.db, url: deps.config.databaseUrl ?? undefined }))));
  mountCuratedRoutes(app, web);
  mountEngageRoutes(app, web);
  mountFollowRoutes(app, web);
  mountForYouRoutes(app, web);
  mountCollectionRoutes(app, web);
  mountProfileRoutes(app, web);
  mountTrendingRoutes(app, web);
  return community;
}
