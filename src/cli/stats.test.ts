import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { runCli, tempWorkspace } from "./testing/run-cli.js";

const workspace = tempWorkspace();
after(workspace.remove);
const cli = (args: string[]) => runCli(args, { cwd: workspace.dir });

describe("paperfeed stats", () => {
  before(async () => {
    const imported = await cli(["import", "arxiv-first30.jsonl", "--db", "papers.db"]);
    assert.equal(imported.code, 0, imported.stderr);
    // The import into an empty store built the index; without it, stats says how to build it.
    rmSync(join(workspace.dir, "papers.db.index"), { recursive: true });
  });

  it("prints papers, days, top categories and the index status", async () => {
    const { code, stdout } = await cli(["stats", "--db", "papers.db"]);
    assert.equal(code, 0);
    assert.match(stdout, /^database {4}sqlite .*papers\.db$/m);
    assert.match(stdout, /^papers {6}30$/m);
    assert.match(
      stdout,
      /^days {8}2007-03-31 … 2007-04-02; latest: 2007-04-02 \(8\), 2007-04-01 \(2\), 2007-03-31 \(20\)$/m,
    );
    assert.match(stdout, /^index {7}not built yet/m);
    assert.match(stdout, /^top categories\n {2}astro-ph +3$/m);
  });

  it("--json gives the same facts to scripts", async () => {
    const { code, stdout } = await cli(["stats", "--db", "papers.db", "--json"]);
    assert.equal(code, 0);
    const stats = JSON.parse(stdout);
    assert.equal(stats.papers, 30);
    assert.equal(stats.backend, "sqlite");
    assert.deepEqual(stats.recentDays[0], { day: "2007-04-02", count: 8 });
    assert.deepEqual(stats.categories[0], { category: "astro-ph", count: 3 });
    assert.equal(stats.index.state, "missing");
  });

  it("after reindex the index holds every paper and is up to date", async () => {
    const reindexed = await cli(["reindex", "--db", "papers.db"]);
    assert.equal(reindexed.code, 0, reindexed.stderr);
    assert.match(reindexed.stdout, /^reindexed 30 papers into papers\.db\.index in [\d.]+ s\n$/);
    const { stdout } = await cli(["stats", "--db", "papers.db"]);
    assert.match(stdout, /^index {7}30 papers, saved \S+, up to date$/m);
  });

  it("PAPERFEED_DB selects the database like --db", async () => {
    const { code, stdout } = await runCli(["stats", "--json"], {
      cwd: workspace.dir,
      env: { PAPERFEED_DB: "papers.db" },
    });
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).papers, 30);
  });
});
