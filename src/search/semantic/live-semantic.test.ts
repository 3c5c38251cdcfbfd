/** The live index with `semantic: true`: built with the segments, follows the store's changes, saved and loaded back. */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { makePaper } from "../../core/index.js";
import { openStore } from "../../store/open.js";
import { openLiveIndex } from "../live.js";
import { loadFixturePapers } from "../testing/fixture-papers.js";
import { SEMANTIC_FILE } from "./persist.js";

const root = mkdtempSync(join(tmpdir(), "paperfeed-live-semantic-"));
after(() => rmSync(root, { recursive: true, force: true }));

test("semantic index: rebuilt with the segments, follows imports and deletes, reloads from disk", async () => {
  const papers = loadFixturePapers();
  const store = await openStore({ path: join(root, "db.sqlite") });
  const dir = join(root, "index");
  try {
    await store.upsertPapers(papers);
    const first = await openLiveIndex({ store, dir, pollMs: 20, semantic: true });
    assert.equal(first.semantic?.size, papers.length);
    const twin = makePaper({ ...papers[3]!, id: "2501.00003" });
    await store.upsertPapers([twin]);
    await store.deletePaper(papers[10]!.id);
    await first.sync();
    assert.equal(first.semantic!.related(papers[3]!.id, 1)[0]?.id, twin.id);
    assert.equal(first.semantic!.vectorOf(papers[10]!.id), null);
    await first.close();
    assert.ok(existsSync(join(dir, SEMANTIC_FILE)));

    const second = await openLiveIndex({ store, dir, pollMs: 20, semantic: true });
    assert.equal(second.openedFrom, "disk");
    assert.equal(second.semantic?.size, papers.length);
    assert.equal(second.semantic!.related(papers[3]!.id, 1)[0]?.id, twin.id);
    await second.close();
  } finally {
    await store.close();
  }
});
