import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

test("build workers start when the process runs outside the checkout (tsx is found from here, not from the working directory)", () => {
  const elsewhere = mkdtempSync(join(tmpdir(), "paperfeed-cwd-"));
  try {
    const script = `
      import { makePaper } from ${JSON.stringify(import.meta.resolve("../../core/make-paper.ts"))};
      import { ChunkPool } from ${JSON.stringify(import.meta.resolve("./parallel.ts"))};
      import { encodeChunk } from ${JSON.stringify(import.meta.resolve("./chunk-codec.ts"))};
      import { Engine } from ${JSON.stringify(import.meta.resolve("../engine.ts"))};
      const pool = new ChunkPool(1);
      const paper = makePaper({ id: "2401.00001", title: "Sparse attention", abstract: "We prune heads.", authors: [{ name: "Ada Lovelace" }], categories: ["cs.LG"] });
      try {
        const segment = await pool.build(encodeChunk([paper]), new Engine().params);
        console.log("built", segment.docCount);
      } catch (e) {
        console.log("failed", e.message);
      } finally {
        await pool.close();
      }`;
    writeFileSync(join(elsewhere, "build.mjs"), script);
    const out = execFileSync(process.execPath, ["--import", import.meta.resolve("tsx"), "build.mjs"], {
      cwd: elsewhere,
      encoding: "utf8",
    });
    assert.equal(out.trim(), "built 1");
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
});
