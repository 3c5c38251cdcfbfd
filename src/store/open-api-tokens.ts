/** Opens the ApiTokenStore beside the papers Store: same database, chosen exactly as `openStore` chooses. */
import type { ApiTokenStore } from "./api-token-types.js";
import { DEFAULT_SQLITE_PATH, type OpenStoreOptions } from "./open.js";

export async function openApiTokenStore(options: OpenStoreOptions = {}): Promise<ApiTokenStore> {
  if (options.url && /^postgres(ql)?:\/\//i.test(options.url)) {
    const { PostgresApiTokenStore } = await import("./postgres/api-token-store.js");
    return PostgresApiTokenStore.open({ url: options.url });
  }
  const { SqliteApiTokenStore } = await import("./sqlite/api-token-store.js");
  return SqliteApiTokenStore.open({ path: options.path ?? DEFAULT_SQLITE_PATH });
}
