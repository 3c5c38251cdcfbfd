/**
 * The Store contract suite (src/store/types.ts), run against every backend: SQLite in
 * src/store/sqlite/sqlite-store.test.ts, PostgreSQL in src/store/postgres/postgres-store.test.ts.
 * Each test gets a fresh, empty store from `makeStore` and releases it with `cleanup`.
 */
import { describe } from "node:test";
import type { Store } from "../../src/store/types.js";
import { changeCases } from "./contract-changes.js";
import { harvestStateCases } from "./contract-harvest.js";
import { listingCases } from "./contract-listing.js";
import { propertyCases } from "./contract-property.js";
import { upsertCases } from "./contract-upsert.js";

export interface StoreUnderTest {
  store: Store;
  /** Closes the store and removes what it created (temp dir, schema). */
  cleanup: () => Promise<void>;
  /** Opens the same database again (after `store.close()`); enables the persistence tests. */
  reopen?: () => Promise<Store>;
}

export type MakeStore = () => Promise<StoreUnderTest>;

/** Runs `body` on a fresh store and always cleans up. */
export type WithStore = (body: (subject: StoreUnderTest) => Promise<void>) => Promise<void>;

export function runStoreContract(name: string, makeStore: MakeStore): void {
  const withStore: WithStore = async (body) => {
    const subject = await makeStore();
    try {
      await body(subject);
    } finally {
      await subject.cleanup();
    }
  };
  describe(`Store contract: ${name}`, () => {
    upsertCases(withStore);
    listingCases(withStore);
    changeCases(withStore);
    propertyCases(withStore);
    harvestStateCases(withStore);
  });
}
