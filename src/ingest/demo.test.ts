import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { test } from "node:test";
import { DEMO_DATA_PATH } from "./demo.js";
import { detectFormat } from "./detect.js";
import { readListing } from "./readers/listing.js";
import { drain } from "./test-support.js";

test("the demo data is a listing file of at least 3,000 valid papers, at most 5 MB", async () => {
  assert.ok(statSync(DEMO_DATA_PATH).size <= 5 * 1024 * 1024);
  assert.equal(await detectFormat(DEMO_DATA_PATH), "listing");
  const { papers, errors } = await drain(readListing(DEMO_DATA_PATH));
  assert.deepEqual(errors, []);
  assert.equal(papers.length, 4772);
  assert.equal(new Set(papers.map((p) => p.id)).size, papers.length);
  const days = papers.map((p) => p.announced).sort();
  assert.deepEqual([days[0], days.at(-1)], ["2026-02-06", "2026-07-01"]);
  assert.ok(papers.some((p) => p.primaryCategory.startsWith("astro-ph")));
});
