import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
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
  return { url, out, stop, pid: child.pid! };
}

/** Processes whose parent is `pid`, from /proc (Linux). */
function childPids(pid: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return Number(readFileSync(`/proc/${name}/stat`, "utf8").replace(/^.*\) /s, "").split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
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

  it("--workers 2 starts two web processes on one port, the first running the jobs, and starts one again when it dies", async () => {
    const serve = await startServe(["--db", "two.db", "--no-demo", "--no-harvest", "--no-thumbnails", "--github-api-url", "http://127.0.0.1:9", "--workers", "2"]);
    let code: number | null;
    try {
      assert.match(serve.out.stdout, /\(2 web processes; Ctrl-C stops them\)/);
      const children = () => childPids(serve.pid);
      assert.equal(children().length, 2, "two web processes");
      for (let i = 0; i < 10; i++) assert.equal((await fetch(`${serve.url}/healthz`)).status, 200);
      assert.match(serve.out.stderr, /running jobs: stars/);
      assert.match(serve.out.stderr, /this web process runs no jobs: the first one does/);
      // A web process that dies after running a while is started again.
      await new Promise((resolve) => setTimeout(resolve, 5_500));
      const [victim] = children();
      process.kill(victim!, "SIGKILL");
      for (let i = 0; i < 600 && !/web process \d exited \(SIGKILL\); starting it again/.test(serve.out.stderr); i++) await new Promise((r) => setTimeout(r, 100));
      assert.match(serve.out.stderr, /web process \d exited \(SIGKILL\); starting it again/);
      for (let i = 0; i < 600 && children().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(children().length, 2);
      assert.equal((await fetch(`${serve.url}/healthz`)).status, 200);
    } finally {
      code = await serve.stop();
    }
    assert.equal(code, 0, serve.out.stderr);
  });

  it("--no-jobs serves the web only and says how to run the jobs elsewhere", async () => {
    const serve = await startServe(["--db", "web-only.db", "--no-demo", "--no-jobs"]);
    assert.equal(await serve.stop(), 0, serve.out.stderr);
    assert.match(serve.out.stderr, /web only \(--no-jobs\): run `paperfeed worker` on another node/);
  });
});
