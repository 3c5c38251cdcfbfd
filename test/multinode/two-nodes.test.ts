/**
 * Several nodes, proven: two `serve` processes on one PostgreSQL schema, each with its own search
 * index folder and its jobs on, against loopback arXiv (OAI-PMH, export API), GitHub and SMTP
 * servers.
 * - a paper submitted through node A (fetched from arXiv by A) is found by node B's search;
 * - 1,000 digests are due when both start; the node sending them is killed with SIGKILL midway,
 *   the other takes over, and every digest arrives exactly once (counted by Message-ID);
 * - while it is down a paper arrives through the other node; restarted, it finds it (it replays
 *   the change log from its saved index);
 * - the jobs run once across the nodes: one digest run for the day, one harvest pass, each GitHub
 *   repository asked once.
 * How long B took to see A's paper is printed (a diagnostic, not an assertion: timing lives in
 * benchmarks); the live index polls the change log every 250 ms.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createApiToken } from "../../src/actions/api-tokens.js";
import { startArxivApiReplay } from "../../src/ingest/arxiv-api/testing/api-replay.js";
import { type ReplayServer, startReplayServer } from "../../src/ingest/http/testing/replay-server.js";
import { fixtureDays } from "../../src/deliver/testing/delivery-fixture.js";
import { type SmtpSink, startSmtpSink } from "../../src/deliver/testing/smtp-sink.js";
import { openApiTokenStore } from "../../src/store/open-api-tokens.js";
import { openCommunityStore } from "../../src/store/open-community.js";
import { openDeliveryStore } from "../../src/store/open-delivery.js";
import { openStore } from "../../src/store/open.js";
import { TEST_DATABASE_URL, dropSchema, postgresSuite } from "../store/postgres-suite.js";

const BIN = fileURLToPath(new URL("../../bin/paperfeed.js", import.meta.url));
const SUBSCRIBERS = 1000;
const NOW = "2024-01-16T12:00:00.000Z";
/** Recorded in test/fixtures/ingest/atom: arXiv's answers for these ids. */
const FIRST = "1707.08567";
const SECOND = "1605.08386";

const NO_RECORDS = `<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-12-03T02:00:00Z</responseDate>
<request verb="ListRecords">http://export.arxiv.org/oai2</request><error code="noRecordsMatch">No records match</error></OAI-PMH>`;

interface Node {
  name: string;
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

await postgresSuite("two_nodes", (freshSchema) => {
  const schema = freshSchema();
  const url = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paperfeed-nodes-"));
  const nodes: Node[] = [];
  const counts = new Map<string, number>();
  const repoRequests = new Map<string, number>();
  let harvestPasses = 0;
  let token = "";
  let sink: SmtpSink;
  let oai: ReplayServer;
  let arxiv: ReplayServer;
  let github: ReplayServer;
  let db: pg.Client;

  function startNode(name: string): Promise<Node> {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? "",
      HOME: os.tmpdir(),
      PAPERFEED_DATABASE_URL: url,
      PAPERFEED_INDEX_DIR: path.join(dir, `index-${name}`),
      PAPERFEED_PORT: "0",
      PAPERFEED_DEMO: "0",
      PAPERFEED_BASE_URL: "http://papers.test",
      PAPERFEED_SMTP_URL: sink.url,
      PAPERFEED_ARXIV_OAI_URL: `${oai.url}/oai`,
      PAPERFEED_ARXIV_API_URL: `${arxiv.url}/api/query`,
      PAPERFEED_ARXIV_PDF_URL: "http://127.0.0.1:9/pdf",
      PAPERFEED_GITHUB_API_URL: github.url,
      PAPERFEED_THUMBNAILS: "false",
      PAPERFEED_LOG_LEVEL: "info",
      // One process per node: the test kills the node holding a job's lease by its pid.
      PAPERFEED_WORKERS: "1",
    };
    const child = spawn(process.execPath, [BIN, "serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (c: Buffer) => (output += c));
    child.stderr!.on("data", (c: Buffer) => (output += c));
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    return until(`node ${name} to listen`, 60_000, async () => {
      if (child.exitCode !== null) throw new Error(`node ${name} exited ${child.exitCode}:\n${output}`);
      const listening = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      return listening ? { name, child, url: listening, output: () => output, exited } : null;
    }).then((node) => (nodes.push(node), node));
  }

  async function finds(node: Node, id: string): Promise<boolean> {
    const response = await fetch(`${node.url}/api/v1/search?q=${encodeURIComponent(`id:${id}`)}`);
    const body = (await response.json()) as { results: Array<{ paper: { id: string } }> };
    return body.results.some((r) => r.paper.id === id);
  }

  async function submit(node: Node, id: string): Promise<void> {
    const response = await fetch(`${node.url}/api/v1/submissions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ paper: id }),
    });
    assert.equal(response.status, 201, `submitting ${id} through node ${node.name}: ${await response.text()}`);
  }

  before(async () => {
    sink = await startSmtpSink({
      parse: false,
      // About 40 messages a second, so the sending node can be killed midway.
      query: "rateLimit=40&maxConnections=1",
      onMessageId: (id) => counts.set(id, (counts.get(id) ?? 0) + 1),
    });
    oai = await startReplayServer((_request, query) => {
      if (query.get("verb") === "ListRecords" && !query.has("resumptionToken")) harvestPasses++;
      return { headers: { "content-type": "text/xml" }, body: NO_RECORDS };
    });
    arxiv = await startArxivApiReplay();
    github = await startReplayServer((request) => {
      const repo = request.url.replace(/^\/repos\//, "").split("?")[0]!;
      repoRequests.set(repo, (repoRequests.get(repo) ?? 0) + 1);
      return {
        headers: { "content-type": "application/json", etag: `"${repo.length}"`, "x-ratelimit-limit": "60", "x-ratelimit-remaining": "59", "x-ratelimit-reset": "1893456000" },
        body: JSON.stringify({ full_name: repo, stargazers_count: 42, html_url: `https://github.com/${repo}` }),
      };
    });

    // The instance before either node starts: two announcement days (some papers with GitHub
    // links), 1,000 active daily subscribers, and a member with an API token.
    db = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
    await db.query(`CREATE SCHEMA "${schema}"`);
    await db.query(`SET search_path TO "${schema}"`);
    const where = { url };
    const store = await openStore(where);
    await store.upsertPapers(fixtureDays());
    await store.close();
    const delivery = await openDeliveryStore(where);
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const { subscriber } = await delivery.createSubscriber({ email: `reader${i}@example.org`, cadence: "daily", now: NOW });
      await delivery.updateSubscriber(subscriber.id, { status: "active", now: NOW });
    }
    await delivery.close();
    const community = await openCommunityStore(where);
    const tokens = await openApiTokenStore(where);
    await community.createUser({ email: "ada@example.org", displayName: "Ada", passwordHash: "scrypt$unused", emailVerifiedAt: NOW, now: NOW });
    token = (await createApiToken({ tokens, community }, { email: "ada@example.org", name: "two nodes" })).token;
    await tokens.close();
    await community.close();
  });

  after(async () => {
    for (const node of nodes) if (node.child.exitCode === null) node.child.kill("SIGKILL");
    await Promise.all(nodes.map((n) => n.exited));
    await db?.end();
    await Promise.all([sink?.close(), oai?.close(), arxiv?.close(), github?.close()]);
    await dropSchema(schema);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("two serve processes on one PostgreSQL share papers, send each digest once across a SIGKILL, and run each job once", { timeout: 300_000 }, async (t) => {
    const [a, b] = await Promise.all([startNode("a"), startNode("b")]);

    // A paper arrives through node A (A asks arXiv for it); node B's search finds it.
    await until("node B to have indexed the fixture days", 30_000, () => finds(b, "2401.00001"));
    const submitted = Date.now();
    await submit(a, FIRST);
    await until(`node B to find ${FIRST}`, 30_000, () => finds(b, FIRST));
    t.diagnostic(`node B found the paper submitted through node A ${Date.now() - submitted} ms after A answered`);

    // The digests are being sent by one of the two; kill that one midway.
    await sink.waitFor(250, 120_000);
    const holder = await until("the outbox lock's holder", 10_000, async () => {
      const { rows } = await db.query<{ owner: string }>("SELECT owner FROM job_locks WHERE name = 'job:outbox.send'");
      return rows[0]?.owner ?? null;
    });
    const pid = Number(holder.split("/")[1]);
    const sender = nodes.find((n) => n.child.pid === pid);
    assert.ok(sender, `the outbox lock is held by ${holder}, neither node (pids ${nodes.map((n) => n.child.pid).join(", ")})`);
    const survivor = sender === a ? b : a;
    sender.child.kill("SIGKILL");
    await sender.exited;
    const atKill = counts.size;
    assert.ok(atKill < SUBSCRIBERS, `all ${atKill} digests were sent before the kill`);

    // While it is down, a paper arrives through the other node.
    await submit(survivor, SECOND);
    assert.ok(await until(`${survivor.name} to find ${SECOND}`, 30_000, () => finds(survivor, SECOND)));

    // The survivor takes the sending over; every digest arrives exactly once.
    await sink.waitFor(SUBSCRIBERS, 180_000);
    await until("the outbox to be empty", 60_000, async () => {
      const { rows } = await db.query<{ n: string }>("SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'sending')");
      return Number(rows[0]!.n) === 0;
    });
    const duplicates = [...counts].filter(([, n]) => n > 1);
    assert.deepEqual(duplicates, [], "some digests arrived twice");
    assert.equal(counts.size, SUBSCRIBERS, `${counts.size} distinct digests arrived (the sender was killed after ${atKill})`);

    // The killed node, restarted on its own index folder, catches up with what it missed.
    const restarted = await startNode(sender.name);
    await until(`the restarted node to find ${SECOND}`, 30_000, () => finds(restarted, SECOND));
    assert.ok(await finds(restarted, FIRST));

    // Each job ran once across the nodes.
    const { rows: runs } = await db.query<{ job: string; period: string; status: string }>("SELECT job, period, status FROM job_runs WHERE job IN ('digest.daily', 'harvest') ORDER BY job");
    assert.deepEqual(runs.filter((r) => r.job === "digest.daily").map((r) => [r.period, r.status]), [["2024-01-16", "done"]]);
    assert.equal(runs.filter((r) => r.job === "harvest").length, 1, `harvest runs: ${JSON.stringify(runs)}`);
    assert.equal(harvestPasses, 1, "arXiv's OAI-PMH endpoint was asked for more than one harvest pass");
    assert.ok(repoRequests.size > 0, "no GitHub repository was asked about");
    assert.deepEqual([...repoRequests].filter(([, n]) => n > 1), [], "a GitHub repository was asked about twice");
  });
});
