/**
 * The instance keeps itself current, end to end, with no other process running: `serve` is
 * pointed at loopback servers speaking arXiv's OAI-PMH, export API and PDFs and GitHub's REST
 * API, with its clock at arXiv's announcement time. Its own jobs harvest the new day's papers,
 * which appear on the Daily page and in search within a second of being stored; a member follows
 * a paper in the browser, the next announcement brings a new version of it, and the event reaches
 * the member's feed; the member submits an id the store lacks and sees it on the day's list.
 * Screenshots (daily and paper pages with thumbnails and star counts) go to
 * test-artifacts/screenshots.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type Browser, chromium } from "playwright-core";
import { hashPassword } from "../../src/actions/accounts/password.js";
import { startArxivApiReplay } from "../../src/ingest/arxiv-api/testing/api-replay.js";
import { FakeClock } from "../../src/ingest/http/testing/fake-clock.js";
import { type ReplayServer, startReplayServer } from "../../src/ingest/http/testing/replay-server.js";
import { minimalPdf } from "../../src/ingest/thumbnails/testing/minimal-pdf.js";
import { type RunningServer, startServer } from "../../src/serve/server.js";
import { importFixtures, testConfig } from "../../src/serve/testing/fixture-app.js";
import { openCommunityStore } from "../../src/store/open-community.js";
import { openStore } from "../../src/store/open.js";
import type { Store } from "../../src/store/types.js";
import { CHROMIUM_FLAGS, CHROMIUM, SCREENSHOT_DIR, skipReason } from "./browser.js";

const FIXTURES = new URL("../fixtures/stay-current/", import.meta.url);
/** Real daily-listing records (SOURCE.md there), published by the replay as a new day's papers. */
const NEW_PAPERS = readFileSync(new URL("new-papers.jsonl", FIXTURES), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as { id: string; title: string; authors: string[]; categories: string[]; comment: string | null; summary: string });
/** Thursday 3 December 2026's papers: announced Wednesday 20:00 EST = 01:00 UTC; the first harvest pass is 30 min later. */
const DAY = "2026-12-03";
const FIRST_PASS = "2026-12-03T01:30:00Z";
const NEXT_PASS = "2026-12-04T01:30:00Z";
const FOLLOWED = "hep-th/9901001";
const MISSING = "1707.08567";
const PASSWORD = "a sufficiently long password";

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const rfc822 = (iso: string) => new Date(iso).toUTCString();

interface RawRecord {
  id: string;
  datestamp: string;
  title: string;
  authors: string;
  categories: string;
  comments?: string | null;
  abstract: string;
  versions: string[];
}

/** One ListRecords page in arXivRaw, shaped like arXiv's (see test/fixtures/ingest/oai-pmh/ListRecordsResponse.xml). */
function listRecords(records: RawRecord[]): string {
  const body = records
    .map(
      (r) => `<record><header><identifier>oai:arXiv.org:${r.id}</identifier><datestamp>${r.datestamp}</datestamp><setSpec>cs</setSpec></header>
<metadata><arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/"><id>${r.id}</id>${r.versions
        .map((d, i) => `<version version="v${i + 1}"><date>${rfc822(d)}</date><size>1200kb</size></version>`)
        .join("")}<title>${xml(r.title)}</title><authors>${xml(r.authors)}</authors><categories>${r.categories}</categories>${
        r.comments ? `<comments>${xml(r.comments)}</comments>` : ""
      }<abstract>${xml(r.abstract)}</abstract></arXivRaw></metadata></record>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>${new Date().toISOString().slice(0, 19)}Z</responseDate>
<request verb="ListRecords" metadataPrefix="arXivRaw">http://export.arxiv.org/oai2</request>
<ListRecords>${body}</ListRecords></OAI-PMH>`;
}

const NO_RECORDS = `<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-12-03T02:00:00Z</responseDate>
<request verb="ListRecords">http://export.arxiv.org/oai2</request><error code="noRecordsMatch">No records match</error></OAI-PMH>`;

/** The new day: three papers submitted Wednesday morning (before the 14:00 ET cutoff). */
const newDay: RawRecord[] = NEW_PAPERS.map((p) => ({
  id: p.id,
  datestamp: DAY,
  title: p.title,
  authors: p.authors.join(", "),
  categories: p.categories.join(" "),
  comments: p.comment,
  abstract: p.summary,
  versions: ["2026-12-02T15:00:00Z"],
}));

/** The next day: a fourth version of the followed paper (its first three are real). */
const newVersion: RawRecord = {
  id: FOLLOWED,
  datestamp: "2026-12-04",
  title: "String Junctions and Their Duals in Heterotic String Theory",
  authors: "Yosuke Imamura",
  categories: "hep-th",
  comments: "13 pages + 4 eps figures, PTPTeX, typographical errors corrected",
  abstract: "We explicitly give the correspondence between spectra of heterotic string theory compactified on $T^2$ and string junctions in type IIB theory compactified on $S^2$.",
  versions: ["1999-01-01T01:01:10Z", "1999-01-05T21:36:42Z", "1999-05-10T00:00:00Z", "2026-12-03T16:00:00Z"],
};

let dir: string;
let oai: ReplayServer;
let api: ReplayServer;
let pdfs: ReplayServer;
let github: ReplayServer;
let server: RunningServer;
let browser: Browser;
let reader: Store;
const clock = new FakeClock(Date.parse(FIRST_PASS));
let phase: "first" | "second" = "first";

before(async () => {
  if (skipReason) return;
  dir = mkdtempSync(join(tmpdir(), "paperfeed-current-"));
  oai = await startReplayServer((_r, q) => {
    const from = q.get("from") ?? "";
    const records = phase === "first" ? (from <= DAY ? newDay : []) : [newVersion];
    return records.length
      ? { headers: { "content-type": "text/xml; charset=utf-8" }, body: listRecords(records) }
      : { headers: { "content-type": "text/xml" }, body: NO_RECORDS };
  });
  api = await startArxivApiReplay();
  pdfs = await startReplayServer((r) => ({ headers: { "content-type": "application/pdf" }, body: minimalPdf(`Paper ${r.url.split("/").pop()}`) }));
  github = await startReplayServer((r) => {
    const name = r.url.replace(/^\/repos\//, "").split("?")[0]!;
    return {
      headers: { "content-type": "application/json; charset=utf-8", etag: `"${name.length}"`, "x-ratelimit-limit": "60", "x-ratelimit-remaining": "59", "x-ratelimit-reset": "1893456000" },
      body: JSON.stringify({ full_name: name, stargazers_count: 1234, html_url: `https://github.com/${name}` }),
    };
  });
  const config = testConfig(dir, {
    jobs: true,
    harvest: true,
    thumbnails: true,
    arxivOaiUrl: `${oai.url}/oai`,
    arxivApiUrl: `${api.url}/api/query`,
    arxivPdfUrl: `${pdfs.url}/pdf`,
    githubApiUrl: github.url,
    contact: "ops@papers.test",
    logLevel: "warn",
  });
  const store = await openStore({ path: config.db });
  await importFixtures(store);
  await store.close();
  const community = await openCommunityStore({ path: config.db });
  const now = new Date().toISOString();
  await community.createUser({ email: "ada@example.org", displayName: "Ada", passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: now, now });
  await community.close();
  reader = await openStore({ path: config.db });
  server = await startServer(config, { clock });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await reader?.close();
  await Promise.all([oai, api, pdfs, github].map((s) => s?.close()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Polls `check` every 20 ms until it is truthy or `ms` passes; returns its last value. */
async function eventually<T>(check: () => Promise<T>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function searchFinds(id: string, words: string): Promise<boolean> {
  const res = await fetch(`${server.url}/api/v1/search?q=${encodeURIComponent(words)}&limit=20`);
  const body = (await res.json()) as { results: Array<{ paper: { id: string } }> };
  return body.results.some((r) => r.paper.id === id);
}

test("serve keeps itself current: harvest on schedule, follow, new version in the feed, on-demand submit", { skip: skipReason, timeout: 180_000 }, async () => {
  // 1. The serving process harvests the new day by itself; each paper is searchable within 1 s of being stored.
  for (const paper of NEW_PAPERS) {
    const stored = await eventually(() => reader.getPaper(paper.id), 60_000);
    assert.ok(stored, `${paper.id} was not harvested (requests: ${oai.requests.map((r) => r.url).join(", ")})`);
    assert.equal(stored.announced, DAY, "the Daily page's day is arXiv's announcement day");
    const storedAt = Date.now();
    assert.ok(await eventually(() => searchFinds(paper.id, paper.title), 1000), `${paper.id} not searchable 1 s after it was stored`);
    assert.ok(Date.now() - storedAt <= 1500);
  }
  const first = oai.requests[0]!;
  assert.match(first.url, /verb=ListRecords/);
  assert.match(first.url, /metadataPrefix=arXivRaw/);
  assert.match(String(first.headers["user-agent"]), /paperfeed\/.*mailto:ops@papers\.test/);

  // Thumbnails and stars come from the same process's jobs; wake them now the papers are in.
  server.jobs!.wake();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: server.url });
  const page = await context.newPage();
  await page.goto("/");
  assert.match((await page.locator("main").textContent()) ?? "", /December 3, 2026|3 December 2026|Dec(ember)? 3/);
  for (const paper of NEW_PAPERS) assert.equal(await page.locator(`[data-paper-id="${paper.id}"]`).count() > 0, true, `${paper.id} not on the Daily page`);
  assert.ok(
    await eventually(async () => {
      await page.goto("/");
      return (await page.locator("img[src*='/thumbnails/']").count()) >= NEW_PAPERS.length;
    }, 60_000),
    `the Daily page did not show a thumbnail for each of the ${NEW_PAPERS.length} new papers`,
  );
  await page.screenshot({ path: join(SCREENSHOT_DIR, "stay-current-daily-desktop-light.png"), fullPage: false });

  // 2. A member signs in and follows a paper.
  await page.goto("/account/signin");
  await page.fill("input[name=email]", "ada@example.org");
  await page.fill("input[name=password]", PASSWORD);
  await page.click("form.stack-form button[type=submit]");
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto(`/papers/${FOLLOWED}`);
  await page.click(".follow-actions button[type=submit]");
  await page.waitForLoadState();
  assert.equal(await page.locator(".follow-actions button[aria-pressed=true]").count(), 1);
  await page.goto("/following");
  const feedUrl = await page.locator("#feed-url").inputValue();
  assert.match(feedUrl, /\/feeds\/following\/\d+\/[\w-]+\.atom$/);

  // 3. The next announcement brings v4 of the followed paper; the event reaches the feed.
  phase = "second";
  clock.set(NEXT_PASS);
  server.jobs!.wake();
  const updated = await eventually(async () => ((await reader.getPaper(FOLLOWED))?.version === 4 ? true : false), 60_000);
  assert.ok(updated, "v4 of the followed paper was not harvested");
  const feed = await (await fetch(new URL(new URL(feedUrl).pathname, server.url))).text();
  assert.match(feed, /String Junctions/);
  assert.match(feed, /v4/);

  // 4. The member submits an id the store lacks; it is fetched from arXiv and listed.
  assert.equal(await reader.getPaper(MISSING), null);
  await page.goto("/daily");
  await page.fill(".submit-form input[name=paper]", `https://arxiv.org/abs/${MISSING}v1`);
  await page.click(".submit-form button[type=submit]");
  await page.waitForURL(/notice=submitted/);
  assert.equal(await page.locator(`ol.curated-list [data-paper-id="${MISSING}"]`).count(), 1);
  assert.ok(await reader.getPaper(MISSING), "the fetched paper was stored");

  // 5. A paper page with its thumbnail and the repository's stars.
  const starred = NEW_PAPERS[0]!.id;
  assert.ok(
    await eventually(async () => {
      await page.goto(`/papers/${starred}`);
      return (await page.locator("img[src*='/thumbnails/']").count()) > 0 && (await page.locator(".code-stars", { hasText: "★ 1.2k" }).count()) > 0;
    }, 60_000),
    `the page of ${starred} did not show its thumbnail and its repository's 1,234 stars as "★ 1.2k"`,
  );
  const label = (await page.locator(".code-link-list .code-github").first().textContent()) ?? "";
  assert.match(label, /1,234 stars/, "the exact count is in the link's label");
  await page.screenshot({ path: join(SCREENSHOT_DIR, "stay-current-paper-desktop-light.png"), fullPage: true });
  await context.close();
});
