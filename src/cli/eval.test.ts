import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { runCli, tempWorkspace } from "./testing/run-cli.js";

/** The 50-document SciFact sample the evaluation's own tests use. */
const BEIR_MINI = fileURLToPath(new URL("../../test/fixtures/beir-mini", import.meta.url));
const workspace = tempWorkspace();
after(workspace.remove);

describe("paperfeed eval", () => {
  it("prints the metrics table of both engines, progress on stderr", async () => {
    const { code, stdout, stderr } = await runCli(["eval", BEIR_MINI], { cwd: workspace.dir });
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^beir-mini \(qrels train\): 50 documents, 10 queries$/m);
    assert.match(stdout, /^nDCG@10 +0\.\d{4} +0\.\d{4} +[+-]\d\.\d{4}$/m);
    assert.match(stdout, /^Recall@100 /m);
    assert.match(stderr, /^eval: answering 10 queries \(split train\)$/m);
  });

  it("a directory without qrels is a runtime error (exit 1), one line", async () => {
    const { code, stderr } = await runCli(["eval", "."], { cwd: workspace.dir });
    assert.equal(code, 1);
    assert.match(stderr, /^paperfeed: search: eval: .*no qrels\/test\.tsv, dev\.tsv or train\.tsv\n$/);
  });
});
