/**
 * `startServer` builds the arXiv fetcher from the configuration: a paper page for an id the
 * database lacks is fetched from the export API (here a loopback server answering from recorded
 * responses), stored, and found by search; `--arxiv-api-url off` fetches nothing.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { startArxivApiReplay } from "../ingest/arxiv-api/testing/api-replay.js";
import { userAgentOf } from "../ingest/http/user-agent.js";
import { createLogger } from "./log.js";
import { startServer } from "./server.js";
import { testConfig } from "./testing/fixture-app.js";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "paperfeed-on-demand-"));
  dirs.push(dir);
  return dir;
};
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const quiet = createLogger("error", () => undefined);

test("serve fetches a paper it lacks from the configured export API, stores it, and search finds it", async () => {
  const arxiv = await startArxivApiReplay();
  const config = testConfig(tempDir(), { arxivApiUrl: `${arxiv.url}/api/query`, contact: "ops@papers.test" });
  const server = await startServer(config, { log: quiet });
  try {
    const page = await fetch(`${server.url}/papers/1707.08567`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Proceedings of Workshop AEW10/);
    assert.equal(arxiv.requests.length, 1);
    assert.equal(arxiv.requests[0]!.headers["user-agent"], userAgentOf(config));
    // The live index follows the store's change log; wait for it rather than for a set time.
    let found = false;
    for (let i = 0; i < 100 && !found; i++) {
      const res = (await (await fetch(`${server.url}/api/v1/search?q=AEW10`)).json()) as { results: Array<{ paper: { id: string } }> };
      found = res.results.some((r) => r.paper.id === "1707.08567");
      if (!found) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(found, "search finds the fetched paper");
  } finally {
    await server.close();
    await arxiv.close();
  }
});

test("serve with --arxiv-api-url off fetches nothing: the page says the paper is not here", async () => {
  const arxiv = await startArxivApiReplay();
  const server = await startServer(testConfig(tempDir(), { arxivApiUrl: "off" }), { log: quiet });
  try {
    const page = await fetch(`${server.url}/papers/1707.08567`);
    assert.equal(page.status, 404);
    assert.match(await page.text(), /Paper 1707\.08567 is not in this collection \(yet\)/);
    assert.equal(arxiv.requests.length, 0);
  } finally {
    await server.close();
    await arxiv.close();
  }
});
