/** Contract property: whatever order versions arrive in, the store ends at the maximum. */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { WithStore } from "./contract.js";
import { paperLike } from "./fixture-papers.js";

const DAYS = ["2024-03-01", "2024-03-02", "2024-03-05"];

/** One upsert: which of 3 papers, which version, which announcement day. */
const upsert = fc.record({ paper: fc.nat(2), version: fc.integer({ min: 1, max: 6 }), day: fc.nat(DAYS.length - 1) });

export function propertyCases(withStore: WithStore): void {
  test("property: random upsert sequences store the highest version and the earliest day", () =>
    withStore(async ({ store }) => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(upsert, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), async (batches) => {
          // Fresh ids per run so runs do not see each other's papers.
          const base = 100 + 3 * run++;
          const maxVersion = new Map<string, number>();
          const minDay = new Map<string, string>();
          for (const batch of batches) {
            const papers = batch.map(({ paper, version, day }) =>
              paperLike(base + paper, { version, announced: DAYS[day]!, title: `Title as of version ${version}` }),
            );
            const outcomes = await store.upsertPapers(papers);
            papers.forEach((p, i) => {
              const before = maxVersion.get(p.id);
              if (before === undefined) assert.equal(outcomes[i], "inserted");
              else if (p.version > before) assert.equal(outcomes[i], "updated");
              maxVersion.set(p.id, Math.max(before ?? 0, p.version));
              minDay.set(p.id, [minDay.get(p.id) ?? p.announced, p.announced].sort()[0]!);
            });
          }
          for (const [id, version] of maxVersion) {
            const stored = await store.getPaper(id);
            assert.equal(stored?.version, version, id);
            assert.equal(stored?.title, `Title as of version ${version}`, id);
            assert.equal(stored?.announced, minDay.get(id), id);
          }
          // The per-day counts the daily views read agree with the papers actually stored.
          for (const day of DAYS) {
            assert.equal(await store.countAnnounced(day, day), (await store.listAnnounced(day, day, { limit: 1000 })).length, day);
          }
        }),
        { numRuns: 60 },
      );
    }));
}
