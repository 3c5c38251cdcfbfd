import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { BIN, tempWorkspace } from "./testing/run-cli.js";

const workspace = tempWorkspace();
after(workspace.remove);

/** `paperfeed serve ARGS` as a child process, once it listens; `stop()` sends SIGTERM and waits for its exit. */
async function startServe(args: string[]) {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args], {
    cwd: workspace.dir,
    env: { PATH: process.env.PATH ?? "", HOME: workspace.dir },
  });
  const out = { stdout: "", stderr: "" };
  child.stderr.on("data", (chunk: Buffer) => (out.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out.stdout += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out.stdout);
      if (match) resolve(match[1]!);
    });
    child.on("close", () => reject(new Error(`serve exited early: ${out.stdout}${out.stderr}`)));
  });
  const stop = async () => {
    child.kill("SIGTERM");
    return exited;
  };
  return { url, out, stop };
}

describe("paperfeed serve", () => {
  it("creates a fresh database with the demo papers, runs its jobs, prints its URL, stops cleanly on SIGTERM", async () => {
    // arXiv is a closed loopback port here: the harvest fails and backs off; SIGTERM still stops at once.
    const offline = ["--arxiv-oai-url", "http://127.0.0.1:9/oai", "--arxiv-pdf-url", "http://127.0.0.1:9/pdf", "--github-api-url", "http://127.0.0.1:9"];
    const serve = await startServe(["--db", "fresh/papers.db", ...offline]);
    let code: number | null;
    try {
      const health = (await (await fetch(`${serve.url}/healthz`)).json()) as { status: string; papers: number };
      assert.equal(health.status, "ok");
      assert.ok(health.papers > 1000, `only ${health.papers} demo papers searchable`);
      assert.ok(existsSync(join(workspace.dir, "fresh", "papers.db")));
    } finally {
      code = await serve.stop();
    }
    assert.equal(code, 0, serve.out.stderr);
    assert.match(serve.out.stdout, /SIGTERM: stopping/);
    assert.match(serve.out.stderr, /running jobs: harvest, stars, thumbnails/);
  });

  it("--no-jobs serves the web only and says how to run the jobs elsewhere", async () => {
    const serve = await startServe(["--db", "web-only.db", "--no-demo", "--no-jobs"]);
    assert.equal(await serve.stop(), 0, serve.out.stderr);
    assert.match(serve.out.stderr, /web only \(--no-jobs\): run `paperfeed worker` on another node/);
  });
});
