/**
 * The CommunityStore, written once over the `SqlDatabase` surface; each backend supplies only
 * its adapter (sqlite/community-sql.ts, postgres/community-sql.ts). The parts build on each
 * other in one chain so every file stays about one concern.
 */
import type { CommunityStore } from "../community-types.js";
import { MembersPart } from "./members.js";
import { SqlInterestStore } from "./interests.js";
import { SqlThumbnailStore } from "./thumbnails.js";

export class SqlCommunityStore extends MembersPart implements CommunityStore {
  /** First-page thumbnails, on this store's connection. */
  readonly thumbnails = new SqlThumbnailStore(this.db);
  /** Followed authors and categories, "Not interested", papers already shown (For you). */
  readonly interests = new SqlInterestStore(this.db);
}
