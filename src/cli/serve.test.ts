import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { BIN, tempWorkspace } from "./testing/run-cli.js";

const workspace = tempWorkspace();
after(workspace.remove);

describe("paperfeed serve", () => {
  it("creates a fresh database with the demo papers, runs its jobs, prints its URL, stops cleanly on SIGTERM", async () => {
    // arXiv is a closed loopback port here: the harvest fails and backs off; SIGTERM still stops at once.
    const offline = ["--arxiv-oai-url", "http://127.0.0.1:9/oai", "--arxiv-pdf-url", "http://127.0.0.1:9/pdf", "--github-api-url", "http://127.0.0.1:9"];
    const child = spawn(process.execPath, [BIN, "serve", "--db", "fresh/papers.db", "--port", "0", ...offline], {
      cwd: workspace.dir,
      env: { PATH: process.env.PATH ?? "", HOME: workspace.dir },
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk;
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child.on("close", () => reject(new Error(`serve exited early: ${stdout}${stderr}`)));
    });
    try {
      const health = (await (await fetch(`${url}/healthz`)).json()) as { status: string; papers: number };
      assert.equal(health.status, "ok");
      assert.ok(health.papers > 1000, `only ${health.papers} demo papers searchable`);
      assert.ok(existsSync(join(workspace.dir, "fresh", "papers.db")));
    } finally {
      child.kill("SIGTERM");
    }
    assert.equal(await exited, 0, stderr);
    assert.match(stdout, /SIGTERM: stopping/);
    assert.match(stderr, /running jobs: harvest, stars, thumbnails/);
  });

  it("--no-jobs serves the web only and says how to run the jobs elsewhere", async () => {
    const child = spawn(process.execPath, [BIN, "serve", "--db", "web-only.db", "--port", "0", "--no-demo", "--no-jobs"], {
      cwd: workspace.dir,
      env: { PATH: process.env.PATH ?? "", HOME: workspace.dir },
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk;
        if (/listening on/.test(stdout)) resolve();
      });
      child.on("close", () => reject(new Error(`serve exited early: ${stdout}${stderr}`)));
    });
    child.kill("SIGTERM");
    assert.equal(await exited, 0, stderr);
    assert.match(stderr, /web only \(--no-jobs\): run `paperfeed worker` on another node/);
  });
});
