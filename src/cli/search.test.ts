import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { runCli, tempWorkspace } from "./testing/run-cli.js";

const workspace = tempWorkspace();
after(workspace.remove);
const cli = (args: string[]) => runCli([...args, "--db", "papers.db"], { cwd: workspace.dir });

describe("paperfeed search", () => {
  before(async () => {
    const imported = await cli(["import", "arxiv-first30.jsonl"]);
    assert.equal(imported.code, 0, imported.stderr);
  });

  it("lists matching papers with id, day, title and authors", async () => {
    const { code, stdout, stderr } = await cli(["search", "diphoton production"]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^\d+ papers? match "diphoton production" \([\d.]+ ms\)$/m);
    assert.match(
      stdout,
      /^ {2}1\. 0704\.0001 {2}2007-04-02 {2}Calculation of prompt diphoton production cross sections at Tevatron and LHC energies\n {5}C\. Bal/m,
    );
  });

  it("--json gives rank, id, score, day, title, authors and categories", async () => {
    const { code, stdout, stderr } = await cli(["search", "modular forms", "--json", "--limit", "2"]);
    assert.equal(code, 0, stderr);
    const result = JSON.parse(stdout);
    assert.equal(result.query, "modular forms");
    assert.ok(result.total >= 2, `total ${result.total}`);
    assert.equal(result.hits.length, 2);
    const [first, second] = result.hits;
    assert.deepEqual(Object.keys(first), [
      "rank",
      "id",
      "score",
      "announced",
      "title",
      "authors",
      "categories",
    ]);
    assert.equal(first.rank, 1);
    assert.ok(first.score >= second.score);
    assert.match(first.title, /Modular Form/i);
    assert.ok(Array.isArray(first.authors) && typeof first.authors[0] === "string");
  });

  it("--sort newest orders by announcement day", async () => {
    const { stdout } = await cli(["search", "model", "--json", "--sort", "newest", "--limit", "200"]);
    const days = JSON.parse(stdout).hits.map((hit: { announced: string }) => hit.announced);
    assert.ok(new Set(days).size > 1, "the query should match papers of several days");
    assert.deepEqual(days, [...days].sort().reverse());
  });

  it("batch mode writes a TREC run: qid Q0 docid rank score run, the known item first", async () => {
    const { code, stdout, stderr } = await cli([
      "search",
      "--queries",
      "known-item-queries.jsonl",
      "--top",
      "5",
      "--format",
      "trec",
      "--run-name",
      "cli-test",
    ]);
    assert.equal(code, 0, stderr);
    const lines = stdout.trimEnd().split("\n");
    const byQuery = new Map<string, string[][]>();
    for (const line of lines) {
      const columns = line.split(" ");
      assert.equal(columns.length, 6, line);
      const [qid, q0, , rank, score, run] = columns as [string, string, string, string, string, string];
      assert.equal(q0, "Q0");
      assert.equal(run, "cli-test");
      assert.match(rank, /^[1-5]$/);
      assert.ok(Number.isFinite(Number(score)), line);
      byQuery.set(qid, [...(byQuery.get(qid) ?? []), columns]);
    }
    assert.deepEqual([...byQuery.keys()], ["title-0704.0001", "title-0704.0007", "title-0704.0022"]);
    for (const [qid, rows] of byQuery) {
      assert.equal(rows[0]![2], qid.replace("title-", ""), `known item of ${qid} not first`);
      assert.deepEqual(
        rows.map((r) => r[3]),
        rows.map((_, i) => String(i + 1)),
      );
      assert.ok(rows.length <= 5);
    }
  });

  it("a bad queries line stops the batch with file and line (exit 1)", async () => {
    const { code, stderr } = await cli(["search", "--queries", "arxiv-first30.jsonl"]);
    assert.equal(code, 1);
    assert.equal(
      stderr.trimEnd().split("\n").at(-1),
      'paperfeed: cli: arxiv-first30.jsonl line 1: "_id" must be a string without spaces',
    );
    assert.doesNotMatch(stderr, /\n\s+at /);
  });
});
