/** What every API resource is given. */
import type { PaperFetcher } from "../../actions/community/context.js";
import type { Config } from "../../config/types.js";
import type { SearchEngine } from "../../search/types.js";
import type { ApiTokenStore } from "../../store/api-token-types.js";
import type { CommunityStore } from "../../store/community-types.js";
import type { Store } from "../../store/types.js";

export interface ApiDeps {
  /** `thumbnails`: whether items name a first-page thumbnail. */
  config: Pick<Config, "thumbnails">;
  store: Store;
  search: SearchEngine;
  /** The community store (accounts, upvotes, comments, submissions, collections), opened on first use. */
  community: () => Promise<CommunityStore>;
  /** The API token store, opened on first use. */
  tokens: () => Promise<ApiTokenStore>;
  /** Fetches papers the store lacks from arXiv; absent: the API answers only about stored papers. */
  fetchPaper?: PaperFetcher | undefined;
}
