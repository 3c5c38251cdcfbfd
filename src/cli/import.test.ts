import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { runCli, tempWorkspace } from "./testing/run-cli.js";

const workspace = tempWorkspace();
after(workspace.remove);
const cli = (args: string[]) => runCli(args, { cwd: workspace.dir });

describe("paperfeed import", () => {
  it("imports a Kaggle snapshot file and reports the counts, then 'no changes' the second time", async () => {
    const first = await cli(["import", "arxiv-first30.jsonl", "--db", "papers.db"]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      /^30 records from 1 file in [\d.]+ s: 30 imported, 0 updated, 0 unchanged, 0 deleted, 0 skipped\n$/,
    );
    // Not a terminal: progress comes as plain lines on stderr.
    assert.match(first.stderr, /^import: arxiv-first30\.jsonl \(1\/1\): 30 records/m);
    // The store was empty: the import built the search index on the way, and it is current.
    assert.match(first.stderr, /^paperfeed: search index of 30 papers saved to papers\.db\.index$/m);
    const stats = await cli(["stats", "--db", "papers.db", "--json"]);
    assert.equal(JSON.parse(stats.stdout).index.state, "current");
    const search = await cli(["search", "diphoton", "--db", "papers.db", "--log-level", "info"]);
    assert.match(search.stderr, /^search: loaded 30 papers from papers\.db\.index$/m);

    const second = await cli(["import", "arxiv-first30.jsonl", "--db", "papers.db"]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(
      second.stdout,
      /^no changes: 30 records from 1 file in [\d.]+ s: 0 imported, 0 updated, 30 unchanged, 0 deleted, 0 skipped\n$/,
    );
    // Not empty any more: the live index picks up what this import changed, as for any write.
    assert.doesNotMatch(second.stderr, /search index/);
  });

  it("lists every bad record with file and line and exits 1 when every record was bad", async () => {
    const { code, stdout, stderr } = await cli([
      "import",
      "truncated-records.jsonl",
      "--format",
      "kaggle",
      "--db",
      "bad.db",
    ]);
    assert.equal(code, 1);
    assert.match(stdout, /2 records from 1 file .*: 0 imported, .*2 skipped; 2 issues\n$/);
    assert.match(stderr, /^paperfeed: ingest: truncated-records\.jsonl line 1: invalid JSON/m);
    assert.match(stderr, /^paperfeed: ingest: truncated-records\.jsonl line 2: invalid JSON/m);
  });

  it("exits 1 when a file cannot be read at all, after importing the others", async () => {
    const { code, stdout, stderr } = await cli([
      "import",
      "missing.jsonl",
      "arxiv-first30.jsonl",
      "--db",
      "two.db",
    ]);
    assert.equal(code, 1);
    assert.match(stdout, /30 records from 2 files .*: 30 imported, /);
    assert.match(stderr, /^paperfeed: ingest: missing\.jsonl: no such file$/m);
  });

  it("rejects an unknown --format before touching the database (exit 2)", async () => {
    const { code, stderr } = await cli([
      "import",
      "arxiv-first30.jsonl",
      "--format",
      "csv",
      "--db",
      "never.db",
    ]);
    assert.equal(code, 2);
    assert.match(stderr, /argument 'csv' is invalid\. Allowed choices are kaggle, /);
    assert.equal(existsSync(join(workspace.dir, "never.db")), false);
  });
});
