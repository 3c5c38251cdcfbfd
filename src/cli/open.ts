/**
 * Opening and always closing what the commands work on: the store named by the config, and the
 * live search index kept next to it. Loaded on demand so `--help` and `eval` stay quick.
 */
import type { Config } from "../config/index.js";
import type { openLiveIndex } from "../search/live.js";
import type { Store } from "../store/types.js";

export type LiveIndex = Awaited<ReturnType<typeof openLiveIndex>>;

export async function withStore<T>(config: Config, use: (store: Store) => Promise<T>): Promise<T> {
  const { openStore } = await import("../store/open.js");
  const store = await openStore({ path: config.db, url: config.databaseUrl ?? undefined });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

export function withLiveIndex<T>(
  config: Config,
  use: (index: LiveIndex, store: Store) => Promise<T>,
): Promise<T> {
  return withStore(config, async (store) => {
    const { openLiveIndex } = await import("../search/live.js");
    const index = await openLiveIndex({ store, dir: config.indexDir });
    try {
      return await use(index, store);
    } finally {
      await index.close();
    }
  });
}
