/** Contract cases: the daily views (announced ranges, day counts, neighbours), scans, stats. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { PaperfeedError } from "../../src/core/errors.js";
import type { Paper } from "../../src/core/paper.js";
import type { WithStore } from "./contract.js";
import { fixturePapers, paperLike, testId } from "./fixture-papers.js";

/** Fixture announced days: 0001 and 0005 on 04-02, 0003 on 04-01, 0002 and 0004 on 03-31. */
const ids = (papers: Paper[]) => papers.map((p) => p.id);

export function listingCases(withStore: WithStore): void {
  test("listAnnounced: inclusive range, newest day first, then id; limit and offset", () =>
    withStore(async ({ store }) => {
      await store.upsertPapers(fixturePapers());
      assert.deepEqual(ids(await store.listAnnounced("2007-03-31", "2007-04-02")), [
        "0704.0001", "0704.0005", "0704.0003", "0704.0002", "0704.0004",
      ]);
      assert.deepEqual(ids(await store.listAnnounced("2007-04-01", "2007-04-01")), ["0704.0003"]);
      assert.deepEqual(ids(await store.listAnnounced("2007-03-31", "2007-04-02", { limit: 2, offset: 1 })), ["0704.0005", "0704.0003"]);
      assert.deepEqual(await store.listAnnounced("2008-01-01", "2008-12-31"), []);
      assert.equal(await store.countAnnounced("2007-03-31", "2007-04-01"), 3);
      assert.equal(await store.countAnnounced("2007-04-03", "2007-05-01"), 0);
    }));

  test("announcedDays counts per day, newest first, and follows moves and deletes", () =>
    withStore(async ({ store }) => {
      await store.upsertPapers(fixturePapers());
      const days = [
        { day: "2007-04-02", count: 2 },
        { day: "2007-04-01", count: 1 },
        { day: "2007-03-31", count: 2 },
      ];
      assert.deepEqual(await store.announcedDays(), days);
      assert.deepEqual(await store.announcedDays({ limit: 1, offset: 1 }), [days[1]]);
      await store.deletePaper("0704.0003");
      const moved = { ...fixturePapers()[0]!, announced: "2007-03-30" };
      await store.upsertPapers([moved]);
      assert.deepEqual(await store.announcedDays(), [
        { day: "2007-04-02", count: 1 },
        { day: "2007-03-31", count: 2 },
        { day: "2007-03-30", count: 1 },
      ]);
    }));

  test("adjacentDay finds the nearest day with papers strictly before or after", () =>
    withStore(async ({ store }) => {
      assert.equal(await store.adjacentDay("2007-04-01", "before"), null);
      await store.upsertPapers(fixturePapers());
      assert.equal(await store.adjacentDay("2007-04-01", "before"), "2007-03-31");
      assert.equal(await store.adjacentDay("2007-04-01", "after"), "2007-04-02");
      assert.equal(await store.adjacentDay("2007-03-15", "after"), "2007-03-31");
      assert.equal(await store.adjacentDay("2007-04-02", "after"), null);
      assert.equal(await store.adjacentDay("2007-03-31", "before"), null);
    }));

  test("scanPapers yields every paper once, in id order, in batches", () =>
    withStore(async ({ store }) => {
      const papers = Array.from({ length: 23 }, (_, n) => paperLike(n + 1));
      await store.upsertPapers([...papers].reverse());
      for (const batchSize of [5, 23, undefined]) {
        const batches: Paper[][] = [];
        for await (const batch of store.scanPapers(batchSize)) batches.push(batch);
        if (batchSize === 5) assert.deepEqual(batches.map((b) => b.length), [5, 5, 5, 5, 3]);
        assert.deepEqual(batches.flat(), papers, `batchSize ${batchSize}`);
      }
      const rest: Paper[][] = [];
      await store.deletePaper(testId(1));
      for await (const batch of store.scanPapers(1000)) rest.push(batch);
      assert.equal(rest.flat().length, 22);
    }));

  test("stats describe an empty and a filled store", () =>
    withStore(async ({ store }) => {
      const empty = await store.stats();
      assert.deepEqual({ ...empty, backend: "", location: "" }, {
        papers: 0, firstDay: null, lastDay: null, categories: [], backend: "", location: "", lastSeq: 0,
      });
      assert.ok(empty.backend && empty.location);
      await store.upsertPapers(fixturePapers());
      const filled = await store.stats();
      assert.equal(filled.papers, 5);
      assert.equal(filled.firstDay, "2007-03-31");
      assert.equal(filled.lastDay, "2007-04-02");
      assert.deepEqual(filled.categories, [
        { category: "math.CO", count: 2 },
        { category: "hep-ph", count: 1 },
        { category: "math.CA", count: 1 },
        { category: "physics.gen-ph", count: 1 },
      ]);
      assert.equal(filled.lastSeq, (await store.changesSince(0)).at(-1)?.seq);
      assert.doesNotMatch(filled.location, /:[^/@]*@/, "no password in location");
    }));

  test("bad days and out-of-range options are refused with a store error", () =>
    withStore(async ({ store }) => {
      const refused = (e: unknown) => e instanceof PaperfeedError && e.component === "store";
      await assert.rejects(store.listAnnounced("2007-4-1", "2007-04-02"), refused);
      await assert.rejects(store.listAnnounced("2007-04-01", "2007-04-02", { limit: 0 }), refused);
      await assert.rejects(store.announcedDays({ limit: 1001 }), refused);
      await assert.rejects(store.announcedDays({ offset: -1 }), refused);
      await assert.rejects(store.adjacentDay("tomorrow", "after"), refused);
      await assert.rejects(store.changesSince(0, 0), refused);
    }));
}
