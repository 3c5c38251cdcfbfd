/** Contract cases: the upsert version rule, atomic batches, reads by id, persistence. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { PaperfeedError } from "../../src/core/errors.js";
import type { Store } from "../../src/store/types.js";
import type { WithStore } from "./contract.js";
import { fixturePapers, paperLike } from "./fixture-papers.js";

export function upsertCases(withStore: WithStore): void {
  test("inserts papers and reads back exactly what was stored", () =>
    withStore(async ({ store }) => {
      const papers = fixturePapers();
      assert.deepEqual(await store.upsertPapers(papers), papers.map(() => "inserted"));
      assert.deepEqual(await store.getPaper("0704.0003"), papers[2]);
      assert.equal(await store.getPaper("0704.9999"), null);
      assert.equal(await store.countPapers(), 5);
    }));

  test("re-importing the same papers reports 0 changes and logs nothing", () =>
    withStore(async ({ store }) => {
      await store.upsertPapers(fixturePapers());
      const seqBefore = (await store.stats()).lastSeq;
      assert.deepEqual(await store.upsertPapers(fixturePapers()), Array(5).fill("unchanged"));
      assert.equal((await store.stats()).lastSeq, seqBefore);
      assert.deepEqual(await store.changesSince(seqBefore), []);
    }));

  test("higher version replaces, lower never overwrites, equal replaces only when metadata differs", () =>
    withStore(async ({ store }) => {
      const v2 = paperLike(1, { version: 2, title: "Version two" });
      await store.upsertPapers([v2]);
      assert.deepEqual(await store.upsertPapers([{ ...v2, version: 1, title: "Version one" }]), ["unchanged"]);
      assert.equal((await store.getPaper(v2.id))?.title, "Version two");
      assert.deepEqual(await store.upsertPapers([{ ...v2 }]), ["unchanged"]);
      assert.deepEqual(await store.upsertPapers([{ ...v2, comments: "corrected journal reference" }]), ["updated"]);
      assert.equal((await store.getPaper(v2.id))?.comments, "corrected journal reference");
      assert.deepEqual(await store.upsertPapers([{ ...v2, version: 3, title: "Version three" }]), ["updated"]);
      assert.deepEqual(await store.getPaper(v2.id), { ...v2, version: 3, title: "Version three" });
    }));

  test("the same metadata with keys in another order is unchanged", () =>
    withStore(async ({ store }) => {
      const paper = fixturePapers()[0]!;
      await store.upsertPapers([paper]);
      const reordered = Object.fromEntries(Object.entries(paper).reverse()) as typeof paper;
      assert.deepEqual(await store.upsertPapers([reordered]), ["unchanged"]);
    }));

  test("announced keeps the earliest known day", () =>
    withStore(async ({ store }) => {
      const v1 = paperLike(2, { version: 1, announced: "2024-01-10" });
      await store.upsertPapers([v1]);
      await store.upsertPapers([{ ...v1, version: 2, announced: "2024-02-01", title: "Revised" }]);
      const revised = await store.getPaper(v1.id);
      assert.equal(revised?.title, "Revised");
      assert.equal(revised?.announced, "2024-01-10");
      // An older record that knows an earlier day moves only the day.
      assert.deepEqual(await store.upsertPapers([{ ...v1, announced: "2024-01-09", title: "Old" }]), ["updated"]);
      assert.deepEqual(await store.getPaper(v1.id), { ...revised, announced: "2024-01-09" });
      assert.deepEqual(await store.announcedDays(), [{ day: "2024-01-09", count: 1 }]);
    }));

  test("a batch repeating one id applies its rows in order", () =>
    withStore(async ({ store }) => {
      const p = paperLike(3, { version: 1 });
      const outcomes = await store.upsertPapers([p, { ...p, version: 2 }, { ...p, version: 1 }]);
      assert.deepEqual(outcomes, ["inserted", "updated", "unchanged"]);
      assert.equal((await store.getPaper(p.id))?.version, 2);
    }));

  test("a batch containing a bad paper writes nothing", () =>
    withStore(async ({ store }) => {
      const [first, second] = fixturePapers();
      await store.upsertPapers([first!]);
      const before = await store.stats();
      const bad = { ...paperLike(7), announced: "yesterday" };
      await assert.rejects(
        store.upsertPapers([{ ...first!, version: 9, title: "Should not land" }, second!, bad]),
        (e: unknown) => e instanceof PaperfeedError && e.id === "invalid_paper" && e.message.includes(bad.id),
      );
      assert.deepEqual(await store.getPaper(first!.id), first);
      assert.equal(await store.getPaper(second!.id), null);
      assert.deepEqual(await store.stats(), before);
    }));

  test("refuses papers with a versioned id or a version below 1", () =>
    withStore(async ({ store }) => {
      for (const bad of [paperLike(1, { id: "2401.00001v2" }), paperLike(1, { version: 0 })]) {
        await assert.rejects(store.upsertPapers([bad]), /store: paper 2401\.00001/);
      }
      assert.equal(await store.countPapers(), 0);
    }));

  test("getPapers keeps the order of the ids and leaves out missing ones", () =>
    withStore(async ({ store }) => {
      await store.upsertPapers(fixturePapers());
      const got = await store.getPapers(["0704.0004", "0704.9999", "0704.0001", "0704.0003"]);
      assert.deepEqual(got.map((p) => p.id), ["0704.0004", "0704.0001", "0704.0003"]);
      assert.deepEqual(await store.getPapers([]), []);
      // Hundreds of ids (read in several statements), a stored one near each end and one twice.
      const many = Array.from({ length: 250 }, (_, i) => `0705.${String(i).padStart(4, "0")}`);
      many[3] = "0704.0003";
      many[230] = "0704.0001";
      many[240] = "0704.0003";
      assert.deepEqual((await store.getPapers(many)).map((p) => p.id), ["0704.0003", "0704.0001", "0704.0003"]);
    }));

  test("getPaperTexts gives each stored paper's JSON by id and leaves out missing ones", () =>
    withStore(async ({ store }) => {
      await store.upsertPapers(fixturePapers());
      const ids = ["0704.0004", "0704.9999", "0704.0001"];
      const texts = await store.getPaperTexts(ids);
      assert.deepEqual([...texts.keys()].sort(), ["0704.0001", "0704.0004"]);
      for (const paper of await store.getPapers(ids)) assert.deepEqual(JSON.parse(texts.get(paper.id)!), paper);
      assert.equal((await store.getPaperTexts([])).size, 0);
    }));

  test("deletePaper removes a paper once", () =>
    withStore(async ({ store }) => {
      await store.upsertPapers(fixturePapers());
      assert.equal(await store.deletePaper("0704.0002"), true);
      assert.equal(await store.deletePaper("0704.0002"), false);
      assert.equal(await store.getPaper("0704.0002"), null);
      assert.equal(await store.countPapers(), 4);
      assert.deepEqual(await store.upsertPapers([fixturePapers()[1]!]), ["inserted"]);
    }));

  test("data persists across reopen and reopening twice migrates nothing", () =>
    withStore(async (subject) => {
      if (!subject.reopen) return;
      await subject.store.upsertPapers(fixturePapers());
      await subject.store.deletePaper("0704.0005");
      const stats = await subject.store.stats();
      await subject.store.close();
      for (let i = 0; i < 2; i++) {
        const again: Store = await subject.reopen();
        try {
          assert.deepEqual(await again.stats(), stats);
          assert.deepEqual(await again.getPaper("0704.0001"), fixturePapers()[0]);
        } finally {
          await again.close();
        }
      }
    }));
}
