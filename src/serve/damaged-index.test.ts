import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { DEMO_DATA_PATH } from "../ingest/demo.js";
import { importFiles } from "../ingest/import.js";
import { largestSegmentFile, writeRandomBytes, zeroBytes } from "../search/testing/damage.js";
import { openStore } from "../store/open.js";
import { startServer } from "./server.js";
import { testConfig } from "./testing/fixture-app.js";

const dir = mkdtempSync(join(tmpdir(), "paperfeed-damaged-index-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const config = testConfig(dir);
const QUERIES = ["cat:cs.CV", '"large language models"', "neural networks"];

/** Each query's total, or the status when it was not answered; a hang fails the fetch. */
async function totals(url: string): Promise<Array<number | string>> {
  return Promise.all(
    QUERIES.map(async (q) => {
      const response = await fetch(`${url}/api/v1/search?q=${encodeURIComponent(q)}`, { signal: AbortSignal.timeout(30_000) });
      if (response.status !== 200) return `status ${response.status}`;
      const body = (await response.json()) as { total: number; timedOut: boolean };
      // Past the time budget (a busy machine) the total is an estimate: asked again.
      return body.timedOut ? "timed out" : body.total;
    }),
  );
}

test("a server over a damaged index answers at once: 503 for searches until rebuilt, never a spin or wrong counts, /healthz alive", async () => {
  const store = await openStore({ path: config.db });
  await importFiles(store, [DEMO_DATA_PATH]);
  await store.close();
  const clean = await startServer(config);
  let expected = await totals(clean.url);
  while (expected.some((t) => t === "timed out")) expected = await totals(clean.url);
  await clean.close();
  assert.ok(expected.every((t) => typeof t === "number" && t > 0), String(expected));

  for (const damage of [(f: string) => writeRandomBytes(f, 6), (f: string) => zeroBytes(f, 1)]) {
    damage(largestSegmentFile(config.indexDir));
    const server = await startServer(config);
    // Asked the moment the server listens, while a small index's rebuild is still under way.
    const [first, health] = await Promise.all([totals(server.url), fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(30_000) })]);
    assert.equal(health.status, 200);
    first.forEach((t, i) => assert.ok(t === expected[i] || t === "status 503" || t === "timed out", `${QUERIES[i]}: ${t}, sound ${expected[i]}`));
    let now = first;
    for (let waited = 0; now.some((t) => typeof t !== "number") && waited < 60_000; waited += 100) {
      await sleep(100);
      now = await totals(server.url);
    }
    assert.deepEqual(now, expected);
    await server.close();
  }
});
