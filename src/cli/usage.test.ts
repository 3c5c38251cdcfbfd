import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { runCli, tempWorkspace } from "./testing/run-cli.js";

const workspace = tempWorkspace();
after(workspace.remove);
const cli = (args: string[], env?: Record<string, string>) => runCli(args, { cwd: workspace.dir, env });

describe("paperfeed usage", () => {
  it("--help lists every command, the global flags with their variables, and examples", async () => {
    const { code, stdout } = await cli(["--help"]);
    assert.equal(code, 0);
    for (const command of ["import", "serve", "search", "stats", "reindex", "eval"]) {
      assert.match(stdout, new RegExp(`^  ${command} `, "m"), `command ${command} missing`);
    }
    assert.match(stdout, /--port <n>[\s\S]*\[PAPERFEED_PORT\]/);
    assert.match(stdout, /--no-demo[\s\S]*\[PAPERFEED_DEMO\]/);
    assert.match(stdout, /Examples:\n {2}\$ paperfeed import /);
  });

  it("each command has its own --help with examples and the global flags", async () => {
    for (const command of ["import", "serve", "search", "stats", "reindex", "eval"]) {
      const { code, stdout } = await cli([command, "--help"]);
      assert.equal(code, 0, command);
      assert.match(stdout, new RegExp(`^Usage: paperfeed ${command} `, "m"));
      assert.match(stdout, new RegExp(`Examples:\\n  \\$ paperfeed ${command}`));
      if (command !== "eval") assert.match(stdout, /Global Options:[\s\S]*--db <file>/);
    }
  });

  it("--version prints the package version", async () => {
    const { code, stdout } = await cli(["--version"]);
    assert.equal(code, 0);
    assert.match(stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it("a bad configuration lists every problem in one line and exits 2", async () => {
    const { code, stdout, stderr } = await cli(["stats", "--port", "abc", "--log-level", "loud"], {
      PAPERFEED_DEMO: "maybe",
      PAPERFEED_PROT: "80",
    });
    assert.equal(code, 2);
    assert.equal(stdout, "");
    const lines = stderr.trimEnd().split("\n");
    assert.equal(lines.length, 1, stderr);
    assert.match(lines[0]!, /^paperfeed: config: invalid configuration, 4 problems: /);
    for (const part of [
      '--port "abc" (PAPERFEED_PORT): must be an integer 0–65535',
      '--log-level "loud" (PAPERFEED_LOG_LEVEL)',
      'PAPERFEED_DEMO "maybe" (--no-demo)',
      "PAPERFEED_PROT: unknown variable (did you mean PAPERFEED_PORT?)",
    ]) {
      assert.ok(lines[0]!.includes(part), `missing ${part}`);
    }
  });

  it("usage mistakes exit 2 with one message and no stack trace", async () => {
    for (const args of [
      ["stats", "--bogus"],
      ["frobnicate"],
      ["search"],
      ["search", "x", "--limit", "0"],
      [],
    ]) {
      const { code, stderr } = await cli(args);
      assert.equal(code, 2, args.join(" "));
      assert.doesNotMatch(stderr, /\n\s+at /, `stack trace for ${args.join(" ")}`);
    }
    const { stderr } = await cli(["search", "--format", "trec", "x"]);
    assert.equal(stderr, "paperfeed: cli: --format trec needs --queries FILE\n");
  });

  it("a runtime failure is one line and exit 1; the stack trace only at log level debug", async () => {
    // A regular file where the database's directory should be.
    const plain = await cli(["stats", "--db", "SOURCE.md/papers.db"]);
    assert.equal(plain.code, 1);
    assert.match(plain.stderr, /^paperfeed: store: cannot open .*SOURCE\.md\/papers\.db for writing: .*\n$/);
    const debug = await cli(["stats", "--db", "SOURCE.md/papers.db"], { PAPERFEED_LOG_LEVEL: "debug" });
    assert.equal(debug.code, 1);
    assert.match(debug.stderr, /^paperfeed: store: cannot open [^\n]*\nPaperfeedError: [^\n]*\n {4}at /);
  });
});
