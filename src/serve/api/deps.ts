/** What every API resource is given. */
import type { SearchEngine } from "../../search/types.js";
import type { Store } from "../../store/types.js";
import type { CommunitySource } from "./community/facts.js";

export interface ApiDeps {
  store: Store;
  search: SearchEngine;
  /** The community store (upvotes, comments, submissions), when the instance has one. */
  community?: CommunitySource;
}
