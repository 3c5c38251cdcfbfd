/**
 * Opens the DeliveryStore beside the papers Store: same database (SQLite file or PostgreSQL
 * URL, chosen exactly as `openStore` chooses), its own connection, same migrations.
 */
import type { DeliveryStore } from "./delivery-types.js";
import { DEFAULT_SQLITE_PATH, type OpenStoreOptions } from "./open.js";

export async function openDeliveryStore(options: OpenStoreOptions = {}): Promise<DeliveryStore> {
  if (options.url && /^postgres(ql)?:\/\//i.test(options.url)) {
    const { PostgresDeliveryStore } = await import("./postgres/delivery-store.js");
    return PostgresDeliveryStore.open({ url: options.url });
  }
  const { SqliteDeliveryStore } = await import("./sqlite/delivery-store.js");
  return SqliteDeliveryStore.open({ path: options.path ?? DEFAULT_SQLITE_PATH });
}
