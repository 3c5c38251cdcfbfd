/**
 * Picks the backend: a `postgres://` or `postgresql://` URL selects PostgreSQL, otherwise the
 * SQLite file at `path`. PostgreSQL code (and the `pg` driver) loads only when asked for.
 */
import type { Store } from "./types.js";
import { SqliteStore } from "./sqlite/sqlite-store.js";

export { MAX_MAP_BYTES } from "./sqlite/open-database.js";

export interface OpenStoreOptions {
  /** SQLite file. Default `./data/paperfeed.db`; its directory is created when missing. */
  path?: string;
  /** PostgreSQL URL; when it starts with postgres:// or postgresql:// it wins over `path`. */
  url?: string;
  /** SQLite: bytes read through a memory map (see SqliteOpenOptions.mapBytes); default none. */
  mapBytes?: number;
}

export const DEFAULT_SQLITE_PATH = "./data/paperfeed.db";

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  if (options.url && /^postgres(ql)?:\/\//i.test(options.url)) {
    const { PostgresStore } = await import("./postgres/postgres-store.js");
    return PostgresStore.open({ url: options.url });
  }
  return SqliteStore.open({ path: options.path ?? DEFAULT_SQLITE_PATH, ...(options.mapBytes ? { mapBytes: options.mapBytes } : {}) });
}
