/**
 * The MCP server as an assistant meets it: the SDK's own client over both transports — stdio
 * against `paperfeed mcp` in a child process, streamable HTTP against `serve` on loopback — on a
 * real SQLite database holding the web fixtures and a little community activity.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { createAccount } from "../../actions/accounts/accounts.js";
import { BIN } from "../../cli/testing/run-cli.js";
import { openCommunityStore } from "../../store/open-community.js";
import { openStore } from "../../store/open.js";
import { type RunningServer, startServer } from "../server.js";
import { importFixtures, testConfig } from "../testing/fixture-app.js";

const dir = mkdtempSync(join(tmpdir(), "paperfeed-mcp-"));
const config = testConfig(dir);
const NOW = new Date().toISOString();
const STRING_JUNCTIONS = "hep-th/9901001";
let curated = "";

before(async () => {
  const store = await openStore({ path: config.db });
  await importFixtures(store);
  const [day] = await store.announcedDays({ limit: 1 });
  curated = (await store.listAnnounced(day!.day, day!.day, { limit: 1 }))[0]!.id;
  const community = await openCommunityStore({ path: config.db });
  const { user } = await createAccount({ community, mailer: null, baseUrl: config.baseUrl }, { email: "ada@example.org", displayName: "Ada L", role: "member" });
  await community.addDailyEntry({ day: day!.day, paperId: curated, userId: user.id, now: NOW });
  await community.setVote(user.id, curated, true, NOW);
  const first = await community.addComment({ paperId: STRING_JUNCTIONS, userId: user.id, parentId: null, body: "Section 3 is the heart of it.\n\n## not a heading of the page", now: NOW });
  await community.addComment({ paperId: STRING_JUNCTIONS, userId: user.id, parentId: first.id, body: "Agreed.", now: NOW });
  await community.close();
  await store.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tool answers are JSON, checked field by field
type Json = Record<string, any>;

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<{ json: Json; text: string; isError: boolean }> {
  const result = await client.callTool({ name, arguments: args });
  const text = (result.content as { type: string; text: string }[])[0]!.text;
  return { json: (result.structuredContent ?? {}) as Json, text, isError: result.isError === true };
}

/** What both transports must do the same way. */
async function assertSearches(client: Client): Promise<void> {
  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name);
  for (const name of ["search_papers", "get_paper", "daily_papers", "trending"]) assert.ok(names.includes(name), `${name} in ${names.join(", ")}`);
  const search = tools.find((t) => t.name === "search_papers")!;
  assert.match(search.description ?? "", /ti: au: abs: cat: id:/, "the tool describes the query language");

  const found = await call(client, "search_papers", { query: 'ti:"string junctions" au:imamura', limit: 5 });
  assert.equal(found.isError, false, found.text);
  assert.equal(found.json.total, 1);
  assert.equal(found.json.papers[0].id, STRING_JUNCTIONS);
  assert.equal(found.json.papers[0].comments, 2);
  assert.deepEqual(JSON.parse(found.text), found.json, "the text is the same JSON");

  const excluded = await call(client, "search_papers", { query: "string -junctions cat:hep-th" });
  assert.ok(excluded.json.papers.every((p: Json) => p.id !== STRING_JUNCTIONS), "the query language's exclusion holds");
}

describe("MCP over stdio: paperfeed mcp", () => {
  let client: Client;
  let transport: StdioClientTransport;
  before(async () => {
    transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, "mcp", "--db", config.db, "--arxiv-api-url", "off", "--log-level", "error"],
      env: { PATH: process.env.PATH ?? "", HOME: dir },
      stderr: "pipe",
    });
    client = new Client({ name: "paperfeed-test", version: "1" });
    await client.connect(transport);
  });
  after(() => client.close());

  test("lists the tools and finds papers with the query language", () => assertSearches(client));

  test("reads a paper as Markdown, with the comments and their reply", async () => {
    const uri = `paperfeed://papers/${STRING_JUNCTIONS}.md`;
    const { contents } = await client.readResource({ uri });
    const text = (contents[0] as { text: string }).text;
    assert.equal(contents[0]!.mimeType, "text/markdown");
    assert.match(text, /^---\ntitle: "String Junctions and Their Duals in Heterotic String Theory"\n/);
    assert.match(text, /\narxiv_id: "hep-th\/9901001"\n/);
    assert.match(text, /\n {2}doi: "https:\/\/doi.org\/10.1143\/PTP.101.1155"\n/);
    assert.match(text, /\n### Ada L · \d{4}-\d{2}-\d{2}\n\n> Section 3 is the heart of it.\n>\n> ## not a heading of the page\n/);
    assert.match(text, /\n#### Ada L · \d{4}-\d{2}-\d{2}\n\n> Agreed.\n/);
    const { resources } = await client.listResources();
    assert.ok(resources.length > 0 && resources.every((r) => /^paperfeed:\/\/papers\/.+\.md$/.test(r.uri)));
  });

  test("ends when the client closes its stdin", async () => {
    const child = transport.pid;
    assert.ok(child);
    await client.close();
    assert.throws(() => process.kill(child, 0), "the server process is gone");
  });
});

describe("MCP over streamable HTTP: /mcp on serve", () => {
  let server: RunningServer;
  let client: Client;
  before(async () => {
    server = await startServer(config);
    client = new Client({ name: "paperfeed-test", version: "1" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
  });
  after(async () => {
    await client.close();
    await server.close();
  });

  test("lists the tools and finds papers with the query language", () => assertSearches(client));

  test("get_paper gives the full record; a malformed or unknown id is a tool error that says so", async () => {
    const got = await call(client, "get_paper", { id: "arXiv:hep-th/9901001v2" });
    assert.equal(got.json.paper.id, STRING_JUNCTIONS);
    assert.equal(got.json.paper.journalRef, "Prog.Theor.Phys.101:1155-1164,1999");
    assert.equal(got.json.comments, 2);
    const bad = await call(client, "get_paper", { id: "not an id" });
    assert.equal(bad.isError, true);
    assert.match(bad.text, /"not an id" is not an arXiv id/);
    const missing = await call(client, "get_paper", { id: "2101.00001" });
    assert.equal(missing.isError, true);
    assert.match(missing.text, /paper 2101.00001 not found/);
  });

  test("daily_papers: the newest day by default, all or curated, a week, and one period at a time", async () => {
    const all = await call(client, "daily_papers", { limit: 100 });
    assert.equal(all.json.period.kind, "day");
    assert.equal(all.json.total, all.json.papers.length);
    assert.ok(all.json.papers.every((p: Json) => p.announced === all.json.period.key));
    const picked = await call(client, "daily_papers", { list: "curated" });
    assert.deepEqual(picked.json.papers.map((p: Json) => [p.id, p.upvotes]), [[curated, 1]]);
    const week = await call(client, "daily_papers", { date: undefined, week: "2026-W27", limit: 3, offset: 1 });
    assert.equal(week.json.period.from, "2026-06-29");
    assert.ok(week.json.total > 3 && week.json.papers.length === 3);
    const both = await call(client, "daily_papers", { date: "2026-06-29", month: "2026-06" });
    assert.equal(both.isError, true);
    assert.match(both.text, /give only one of date, week and month/);
    const badWeek = await call(client, "daily_papers", { week: "2026-W60" });
    assert.match(badWeek.text, /week "2026-W60" is not valid/);
  });

  test("trending: best first, each with its score parts; the upvote counts", async () => {
    const trending = await call(client, "trending", { limit: 50 });
    const scores = trending.json.papers.map((p: Json) => p.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    const upvoted = trending.json.papers.find((p: Json) => p.id === curated);
    assert.ok(upvoted, `${curated} is among the trending papers`);
    assert.equal(upvoted.upvotes, 1);
    assert.ok(upvoted.scoreParts.votes > 0, JSON.stringify(upvoted.scoreParts));
    // The 1999 paper is a candidate only through its recent comments.
    const inCategory = await call(client, "trending", { category: "hep-th" });
    assert.ok(inCategory.json.papers.some((p: Json) => p.id === STRING_JUNCTIONS), inCategory.text);
    assert.ok(inCategory.json.papers.every((p: Json) => p.categories.includes("hep-th")));
  });

  test("GET and DELETE are 405: the endpoint keeps no sessions", async () => {
    for (const method of ["GET", "DELETE"]) {
      const response = await fetch(`${server.url}/mcp`, { method });
      assert.equal(response.status, 405, method);
      assert.equal(response.headers.get("allow"), "POST");
    }
  });
});
