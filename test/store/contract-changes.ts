/** Contract cases: the change log the search index replays. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { PaperChange } from "../../src/store/types.js";
import type { WithStore } from "./contract.js";
import { fixturePapers } from "./fixture-papers.js";

const strip = (changes: PaperChange[]) => changes.map(({ id, kind }) => `${kind} ${id}`);

function assertIncreasing(changes: PaperChange[]): void {
  for (let i = 1; i < changes.length; i++) assert.ok(changes[i]!.seq > changes[i - 1]!.seq, "seq strictly increasing");
}

export function changeCases(withStore: WithStore): void {
  test("changesSince lists upserts and deletes after a seq, oldest first", () =>
    withStore(async ({ store }) => {
      const papers = fixturePapers();
      await store.upsertPapers(papers.slice(0, 3));
      const first = await store.changesSince(0);
      assert.deepEqual(strip(first), ["upsert 0704.0001", "upsert 0704.0002", "upsert 0704.0003"]);
      assertIncreasing(first);
      const mark = first.at(-1)!.seq;

      await store.upsertPapers([{ ...papers[1]!, version: 5 }, papers[3]!]);
      await store.deletePaper("0704.0003");
      await store.deletePaper("0704.0003");
      const later = await store.changesSince(mark);
      assert.deepEqual(strip(later), ["upsert 0704.0002", "upsert 0704.0004", "delete 0704.0003"]);
      assertIncreasing(later);
      assert.ok(later[0]!.seq > mark);
      assert.equal((await store.stats()).lastSeq, later.at(-1)!.seq);
    }));

  test("changesSince honours its limit and pages through the log", () =>
    withStore(async ({ store }) => {
      await store.upsertPapers(fixturePapers());
      const page1 = await store.changesSince(0, 2);
      const page2 = await store.changesSince(page1.at(-1)!.seq, 2);
      const page3 = await store.changesSince(page2.at(-1)!.seq, 2);
      assert.deepEqual([page1.length, page2.length, page3.length], [2, 2, 1]);
      assert.deepEqual(strip([...page1, ...page2, ...page3]), strip(await store.changesSince(0)));
      assert.deepEqual(await store.changesSince(page3.at(-1)!.seq), []);
    }));

  test("replaying the log from any point reaches the stored state", () =>
    withStore(async ({ store }) => {
      const papers = fixturePapers();
      await store.upsertPapers(papers);
      await store.deletePaper("0704.0002");
      await store.upsertPapers([{ ...papers[0]!, version: 7 }]);
      const live = new Set<string>();
      for (const change of await store.changesSince(0)) {
        if (change.kind === "upsert") live.add(change.id);
        else live.delete(change.id);
      }
      assert.deepEqual([...live].sort(), ["0704.0001", "0704.0003", "0704.0004", "0704.0005"]);
    }));
}
