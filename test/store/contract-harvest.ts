/** Contract cases: harvest checkpoints (Store.harvestState / setHarvestState). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { isPaperfeedError } from "../../src/core/errors.js";
import type { HarvestState } from "../../src/store/types.js";
import type { WithStore } from "./contract.js";

const KEY = "https://oaipmh.arxiv.org/oai|physics:hep-th";

const midRun: HarvestState = {
  from: "2026-01-01",
  until: null,
  runDate: "2026-01-05",
  metadataPrefix: "arXivRaw",
  resumptionToken: "6960524|1001",
  nextFrom: "2025-12-30",
  updatedAt: "2026-01-05T01:30:03.000Z",
};

export function harvestStateCases(withStore: WithStore): void {
  test("harvest checkpoints: none at first, then read back as written, replaced per key, kept across reopening", () =>
    withStore(async ({ store, reopen }) => {
      assert.equal(await store.harvestState(KEY), null);
      await store.setHarvestState(KEY, midRun);
      assert.deepEqual(await store.harvestState(KEY), midRun);

      const done: HarvestState = { ...midRun, resumptionToken: null, nextFrom: "2026-01-05", updatedAt: "2026-01-05T01:30:09.000Z" };
      await store.setHarvestState(KEY, done);
      await store.setHarvestState("snapshot", { ...done, from: null, runDate: null, metadataPrefix: null, nextFrom: "2025-11-28" });
      assert.deepEqual(await store.harvestState(KEY), done);
      assert.equal((await store.harvestState("snapshot"))?.nextFrom, "2025-11-28");
      assert.equal(await store.harvestState(`${KEY}x`), null);

      if (!reopen) return;
      await store.close();
      const again = await reopen();
      try {
        assert.deepEqual(await again.harvestState(KEY), done);
      } finally {
        await again.close();
      }
    }));

  test("harvest checkpoints: a bad day or an empty key is refused and leaves the stored checkpoint as it was", () =>
    withStore(async ({ store }) => {
      await store.setHarvestState(KEY, midRun);
      await assert.rejects(store.setHarvestState(KEY, { ...midRun, nextFrom: "2026-13-01" }), (e: unknown) => {
        assert.ok(isPaperfeedError(e) && e.id === "invalid_day", String(e));
        assert.match(e.message, /nextFrom must be a day YYYY-MM-DD, got 2026-13-01/);
        return true;
      });
      await assert.rejects(store.setHarvestState("", midRun), /harvest checkpoint key/);
      assert.deepEqual(await store.harvestState(KEY), midRun);
    }));
}
