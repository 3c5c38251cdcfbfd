/**
 * `related_papers` is offered only when the deps carry a related-papers function; `mcpDeps` sets
 * it to the engine's query-by-example (the paper pages' related papers): the id is resolved, the
 * paper itself left out, the answer shaped like search's.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { lazyStores } from "../api/stores.js";
import { type FixtureApp, openFixtureApp } from "../testing/fixture-app.js";
import { type McpDeps, mcpDeps } from "./deps.js";
import { createMcpServer } from "./server.js";

let fx: FixtureApp;
let client: Client;
let without: Client;

async function connected(deps: McpDeps): Promise<Client> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createMcpServer(deps).connect(serverSide);
  const connecting = new Client({ name: "paperfeed-test", version: "1" });
  await connecting.connect(clientSide);
  return connecting;
}

before(async () => {
  fx = await openFixtureApp();
  const deps = mcpDeps({ ...fx, community: lazyStores(fx).community, log: () => {} });
  without = await connected({ ...deps, related: undefined });
  client = await connected(deps);
});
after(async () => {
  await client.close();
  await without.close();
  await fx.close();
});

test("without a related-papers function there is no related_papers tool", async () => {
  const { tools } = await without.listTools();
  assert.ok(tools.some((t) => t.name === "search_papers"));
  assert.ok(!tools.some((t) => t.name === "related_papers"));
});

test("with a related-papers function, related_papers lists papers like the given one, without it", async () => {
  const { tools } = await client.listTools();
  assert.ok(tools.some((t) => t.name === "related_papers"));
  const result = await client.callTool({ name: "related_papers", arguments: { id: "arXiv:hep-th/9901001v3", limit: 3 } });
  const answer = result.structuredContent as { id: string; papers: { id: string; categories: string[] }[] };
  assert.equal(answer.id, "hep-th/9901001");
  assert.ok(answer.papers.length > 0 && answer.papers.length <= 3);
  assert.ok(answer.papers.every((p) => p.id !== "hep-th/9901001"), "the paper itself is not related to itself");
  const unknown = await client.callTool({ name: "related_papers", arguments: { id: "2101.00001" } });
  assert.equal(unknown.isError, true);
});
