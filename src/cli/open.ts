/**
 * Opening and always closing what the commands work on: the store named by the config, and the
 * live search index kept next to it. Loaded on demand so `--help` and `eval` stay quick.
 */
import type { Config } from "../config/index.js";
import type { LiveIndex } from "../search/live.js";
import type { Store } from "../store/types.js";

export type { LiveIndex };

/** Load, rebuild and save notes of the index go to stderr unless the log level is error or warn. */
const indexLog = (config: Config) =>
  config.logLevel === "info" || config.logLevel === "debug"
    ? (message: string) => process.stderr.write(`${message}\n`)
    : undefined;

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
    const { createCountProgress } = await import("../ingest/progress.js");
    // A rebuild over all of arXiv takes minutes: show its progress on a terminal, or in the log
    // when notes are wanted; each rebuild ends with one line ("index: 2,600,000 papers in 3m 5s").
    const showProgress = Boolean(process.stderr.isTTY) || indexLog(config) !== undefined;
    let progress: ReturnType<typeof createCountProgress> | null = null;
    const endProgress = () => {
      progress?.done();
      progress = null;
    };
    const index = await openLiveIndex({
      store,
      dir: config.indexDir,
      semantic: config.semantic,
      log: indexLog(config),
      onRebuildProgress: showProgress
        ? (papers, total) => {
            progress ??= createCountProgress("index", "papers");
            progress.update(papers, total);
          }
        : undefined,
    });
    endProgress();
    try {
      return await use(index, store);
    } finally {
      endProgress();
      await index.close();
    }
  });
}
