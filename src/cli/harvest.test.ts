/**
 * `paperfeed harvest` as a real child process against a real OAI-PMH server on loopback (the
 * recorded pages, with resumption tokens). The CLI uses the real clock, so its pages come 3 s
 * apart: the lists here are 3 pages long.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import Database from "better-sqlite3";
import { harvestKey } from "../ingest/harvest/start.js";
import { startOaiReplay } from "../ingest/harvest/testing/oai-replay.js";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";
import { BIN, runCli, tempWorkspace } from "./testing/run-cli.js";

const workspace = tempWorkspace();
after(workspace.remove);
const cli = (args: string[]) => runCli(args, { cwd: workspace.dir });

/** Every stored paper as JSON, in id order, and the set's checkpoint without its write time. */
async function contents(db: string, endpoint: string) {
  const store = SqliteStore.open({ path: join(workspace.dir, db) });
  try {
    const papers: string[] = [];
    for await (const batch of store.scanPapers()) papers.push(...batch.map((p) => JSON.stringify(p)));
    const { updatedAt: _ignored, ...checkpoint } = (await store.harvestState(harvestKey(endpoint, "")))!;
    return { papers, checkpoint };
  } finally {
    await store.close();
  }
}

describe("paperfeed harvest", () => {
  it("harvests --from … --until … page by page and prints new / updated / deleted / unchanged", async () => {
    const server = await startOaiReplay();
    try {
      // 0704.0003 comes from the import and is deleted by the harvest's last page.
      assert.equal((await cli(["import", "arxiv-first30.jsonl", "--db", "counts.db"])).code, 0);
      const args = ["harvest", "--from", "2014-10-01", "--until", "2015-01-06", "--arxiv-oai-url", server.endpoint, "--db", "counts.db"];
      const first = await cli(args);
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /^harvested all of arXiv from 2014-10-01 until 2015-01-06: 3 pages, 8 records in [\d.]+ s: 7 new, 0 updated, 1 deleted, 0 unchanged, 0 skipped\n$/);
      // Not a terminal: one progress line per page, counted against the list's size.
      assert.match(first.stderr, /^harvest: all of arXiv: page 1, 2 of 8 records \(25%\), ETA /m);
      assert.match(first.stderr, /^harvest: all of arXiv: page 3, 8 of 8 records \(100%\)/m);

      const second = await cli(args);
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stdout, /^no changes: harvested all of arXiv from 2014-10-01 until 2015-01-06: 3 pages, 8 records in [\d.]+ s: 0 new, 0 updated, 0 deleted, 8 unchanged, 0 skipped\n$/);
      assert.equal(server.requests.length, 6);
    } finally {
      await server.close();
    }
  });

  it("after importing a Kaggle snapshot, starts from its newest update_date", async () => {
    const server = await startOaiReplay({ override: () => ({ status: 200, body: '<?xml version="1.0"?><OAI-PMH><responseDate>2015-07-01T01:00:00Z</responseDate><error code="noRecordsMatch">No records</error></OAI-PMH>' }) });
    try {
      const imported = await cli(["import", "arxiv-first30.jsonl", "--db", "snapshot.db"]);
      assert.equal(imported.code, 0, imported.stderr);
      assert.match(imported.stderr, /^paperfeed: newest record datestamp 2015-06-30; paperfeed harvest starts from 2015-06-30$/m);
      const harvested = await cli(["harvest", "--arxiv-oai-url", server.endpoint, "--db", "snapshot.db"]);
      assert.equal(harvested.code, 0, harvested.stderr);
      assert.equal(new URL(server.requests[0]!.url, "http://x").searchParams.get("from"), "2015-06-30");
      assert.match(harvested.stderr, /^paperfeed: all of arXiv: no records match from 2015-06-30 \(No records\); nothing to store$/m);
      assert.match(harvested.stdout, /^no changes: harvested all of arXiv from 2015-06-30: 0 pages, 0 records in [\d.]+ s: 0 new/);
    } finally {
      await server.close();
    }
  });

  it("refuses a bad date naming the flag and value (exit 2), and an OAI error in one line (exit 1)", async () => {
    const bad = await cli(["harvest", "--from", "2026-13-01", "--db", "never.db"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^paperfeed: option '--from <date>' argument '2026-13-01' is invalid\. 2026-13-01 is not a calendar date\n/);
    const worse = await cli(["harvest", "--until", "yesterday", "--db", "never.db"]);
    assert.equal(worse.code, 2);
    assert.match(worse.stderr, /option '--until <date>' argument 'yesterday' is invalid\. yesterday is not a date YYYY-MM-DD/);

    const server = await startOaiReplay({ override: () => ({ status: 200, body: '<?xml version="1.0"?><OAI-PMH><error code="badArgument">Illegal date</error></OAI-PMH>' }) });
    try {
      const failed = await cli(["harvest", "--from", "2015-01-01", "--set", "cs", "--contact", "ops@papers.example.org", "--arxiv-oai-url", server.endpoint, "--db", "err.db"]);
      assert.match(String(server.requests[0]!.headers["user-agent"]), /^paperfeed\/0\.1\.0 \(\+http:\/\/127\.0\.0\.1:8080; mailto:ops@papers\.example\.org\)$/);
      assert.equal(failed.code, 1);
      assert.equal(
        failed.stderr,
        `paperfeed: ingest: arXiv OAI-PMH: ${server.endpoint}?verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2015-01-01 answered OAI-PMH error badArgument: Illegal date\n`,
      );
    } finally {
      await server.close();
    }
  });

  it("killed with SIGKILL after its first page, then restarted, ends with the same database as an uninterrupted harvest", async () => {
    const server = await startOaiReplay();
    try {
      const args = (db: string) => ["harvest", "--from", "2014-10-01", "--arxiv-oai-url", server.endpoint, "--db", db];
      // The uninterrupted harvest runs meanwhile (it only reads the same recorded pages).
      const uninterrupted = cli(args("whole.db"));

      const child = spawn(process.execPath, [BIN, ...args("killed.db")], { cwd: workspace.dir, env: { PATH: process.env.PATH ?? "", HOME: workspace.dir }, stdio: "ignore" });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
      // Watch the database until the first page is checkpointed; the next request is 3 s away.
      const file = join(workspace.dir, "killed.db");
      let token: string | null = null;
      for (let i = 0; i < 300 && token === null; i++) {
        await new Promise((r) => setTimeout(r, 50));
        try {
          const db = new Database(file, { readonly: true, fileMustExist: true });
          try {
            token = (db.prepare("SELECT resumption_token FROM harvest_state").pluck().get() as string | null | undefined) ?? null;
          } finally {
            db.close();
          }
        } catch {
          // not created or not migrated yet
        }
      }
      assert.equal(token, "726959|1001", "the first page was checkpointed");
      child.kill("SIGKILL");
      assert.equal(await exited, "SIGKILL");
      const killedAt = await contents("killed.db", server.endpoint);
      assert.equal(killedAt.papers.length, 2);

      const restarted = await cli(args("killed.db"));
      assert.equal(restarted.code, 0, restarted.stderr);
      assert.match(restarted.stderr, /^paperfeed: all of arXiv: resuming the run from 2014-10-01 at its checkpoint$/m);
      assert.match(restarted.stdout, /^harvested all of arXiv from 2014-10-01 \(resumed\): 2 pages, 6 records in [\d.]+ s: 5 new, 0 updated, 0 deleted, 1 unchanged/);
      const whole = await uninterrupted;
      assert.equal(whole.code, 0, whole.stderr);

      const [a, b] = [await contents("killed.db", server.endpoint), await contents("whole.db", server.endpoint)];
      assert.equal(a.papers.length, 7);
      assert.deepEqual(a, b);
      // The killed run asked page 2 only after its restart: no page was asked twice.
      const pageTwo = server.requests.filter((r) => r.url.includes("726959%7C1001")).length;
      assert.equal(pageTwo, 2); // once by each harvest
    } finally {
      await server.close();
    }
  });
});
