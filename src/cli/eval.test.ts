import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { runCli, tempWorkspace } from "./testing/run-cli.js";

/** The 50-document SciFact sample the evaluation's own tests use. */
const BEIR_MINI = fileURLToPath(new URL("../../test/fixtures/beir-mini", import.meta.url));
/** The related-papers dev set's sample (test/fixtures/related-devset/SOURCE.md). */
const RELATED_SAMPLE = fileURLToPath(new URL("../../test/fixtures/related-devset", import.meta.url));
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

  it("--task related: each judged paper's own text asks for papers like it, beside FTS5 on the same text", async () => {
    const { code, stdout, stderr } = await runCli(["eval", RELATED_SAMPLE, "--task", "related"], { cwd: workspace.dir });
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^related-devset \(qrels test, task related\): 1,200 documents, 50 queries$/m);
    const [ours, fts5] = /^nDCG@10 +(0\.\d{4}) +(0\.\d{4})/m.exec(stdout)!.slice(1).map(Number);
    assert.ok(ours! > 0.1 && fts5! > 0.1, stdout);
  });

  it("--task related --mode all: lexical, semantic and hybrid related papers beside FTS5; a bad --mode is a usage error", async () => {
    const { code, stdout, stderr } = await runCli(["eval", RELATED_SAMPLE, "--task", "related", "--mode", "all"], { cwd: workspace.dir });
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^metric +lexical +semantic +hybrid +FTS5 bm25 +difference$/m);
    const [lexical, semantic, hybrid] = /^nDCG@10 +(0\.\d{4}) +(0\.\d{4}) +(0\.\d{4}) +0\.\d{4}/m.exec(stdout)!.slice(1).map(Number);
    assert.ok(lexical! > 0.1 && semantic! > 0 && hybrid! > 0.1, stdout);
    assert.match(stdout, /^difference: hybrid − FTS5$/m);
    const bad = await runCli(["eval", RELATED_SAMPLE, "--mode", "dense"], { cwd: workspace.dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--mode must be one of lexical, semantic, hybrid, all, not "dense"/);
  });

  it("--task related on a set whose queries are not corpus papers names the query (exit 1)", async () => {
    const { code, stderr } = await runCli(["eval", BEIR_MINI, "--task", "related"], { cwd: workspace.dir });
    assert.equal(code, 1);
    assert.match(stderr, /^paperfeed: search: eval: --task related: query \S+ of qrels\/train\.tsv is not a document of the corpus$/m);
  });

  it("a directory without qrels is a runtime error (exit 1), one line", async () => {
    const { code, stderr } = await runCli(["eval", "."], { cwd: workspace.dir });
    assert.equal(code, 1);
    assert.match(stderr, /^paperfeed: search: eval: .*no qrels\/test\.tsv, dev\.tsv or train\.tsv\n$/);
  });
});
