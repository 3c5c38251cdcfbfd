/** Opens what jobs work on (papers store, delivery store) for a config, and always closes it. */
import type { Config } from "../config/types.js";
import { newOwner } from "../deliver/owner.js";
import { systemClock } from "../ingest/http/clock.js";
import { openCommunityStore } from "../store/open-community.js";
import { openDeliveryStore } from "../store/open-delivery.js";
import { openStore } from "../store/open.js";
import type { JobContext } from "./types.js";

export async function withJobContext<T>(
  config: Config,
  use: (ctx: JobContext) => Promise<T>,
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<T> {
  const where = { path: config.db, url: config.databaseUrl ?? undefined };
  const store = await openStore(where);
  try {
    const delivery = await openDeliveryStore(where);
    try {
      const community = await openCommunityStore(where);
      try {
        const ctx = { store, delivery, community, config, owner: newOwner(), clock: () => new Date(), time: systemClock, log };
        return await use(ctx);
      } finally {
        await community.close();
      }
    } finally {
      await delivery.close();
    }
  } finally {
    await store.close();
  }
}
