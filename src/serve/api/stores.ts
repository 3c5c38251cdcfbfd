/**
 * The community and API token stores the API and the exports read, opened beside the papers
 * store (same database) on first use unless the app was given them. One pair per app's deps, so
 * the API and /export share connections.
 */
import type { Config } from "../../config/types.js";
import type { ApiTokenStore } from "../../store/api-token-types.js";
import type { CommunityStore } from "../../store/community-types.js";
import { openApiTokenStore } from "../../store/open-api-tokens.js";
import { openCommunityStore } from "../../store/open-community.js";

export interface StoreSources {
  config: Config;
  /** Given by tests; else opened on first use. */
  communityStore?: CommunityStore | undefined;
  apiTokens?: ApiTokenStore | undefined;
}

export interface LazyStores {
  community: () => Promise<CommunityStore>;
  tokens: () => Promise<ApiTokenStore>;
}

const cache = new WeakMap<StoreSources, LazyStores>();

/** `given`, or the store `open` makes on first call (once). */
function lazy<T>(given: T | undefined, open: () => Promise<T>): () => Promise<T> {
  let opened: Promise<T> | null = given ? Promise.resolve(given) : null;
  return () => (opened ??= open());
}

export function lazyStores(sources: StoreSources): LazyStores {
  let stores = cache.get(sources);
  if (!stores) {
    const where = { path: sources.config.db, url: sources.config.databaseUrl ?? undefined };
    stores = {
      community: lazy(sources.communityStore, () => openCommunityStore(where)),
      tokens: lazy(sources.apiTokens, () => openApiTokenStore(where)),
    };
    cache.set(sources, stores);
  }
  return stores;
}
