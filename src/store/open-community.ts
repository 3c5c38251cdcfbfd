/**
 * Opens the CommunityStore beside the papers Store: same database (SQLite file or PostgreSQL
 * URL, chosen exactly as `openStore` chooses), its own connection, same migrations.
 */
import type { CommunityStore } from "./community-types.js";
import { DEFAULT_SQLITE_PATH, type OpenStoreOptions } from "./open.js";

export async function openCommunityStore(options: OpenStoreOptions = {}): Promise<CommunityStore> {
  if (options.url && /^postgres(ql)?:\/\//i.test(options.url)) {
    const { openPostgresCommunityStore } = await import("./postgres/community-sql.js");
    return openPostgresCommunityStore({ url: options.url });
  }
  const { openSqliteCommunityStore } = await import("./sqlite/community-sql.js");
  return openSqliteCommunityStore({ path: options.path ?? DEFAULT_SQLITE_PATH });
}
