/**
 * The thumbnails job on a real SQLite database, against a real HTTP server on loopback serving
 * PDFs written by hand, with a fake clock (nothing sleeps): newest papers first, a bounded number
 * per run, 3 s apart, Retry-After honoured, nothing fetched twice, broken PDFs marked and retried
 * later, arXiv being down marks nothing.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { openDeliveryFixture, type DeliveryFixture } from "../deliver/testing/delivery-fixture.js";
import { FakeClock } from "../ingest/http/testing/fake-clock.js";
import { type Replay, type ReplayServer, startReplayServer } from "../ingest/http/testing/replay-server.js";
import { BROKEN_PDF, decodeImage, minimalPdf } from "../ingest/thumbnails/testing/minimal-pdf.js";
import { makeThumbnailsJob, retryDelayMs } from "./thumbnails-job.js";
import { fixtureJobContext } from "./testing/job-context.js";
import type { JobContext } from "./types.js";

const NOW = "2024-01-17T03:00:00.000Z";
const pdfOf = (id: string): Replay => ({ status: 200, headers: { "content-type": "application/pdf" }, body: minimalPdf(`Paper ${id}`) });

interface Setup {
  f: DeliveryFixture;
  server: ReplayServer;
  clock: FakeClock;
  logged: string[];
  ctx: JobContext;
  /** Paper ids of the PDF requests so far. */
  fetched: () => string[];
}

/** The delivery fixture's twelve papers (2401.00001–06 on one day, 07–12 on the next) and a PDF server. */
async function setup(answer: (id: string, hit: number) => Replay = pdfOf, overrides: Partial<JobContext["config"]> = {}): Promise<Setup> {
  const f = await openDeliveryFixture();
  const hits = new Map<string, number>();
  const server = await startReplayServer((r) => {
    const id = r.url.replace(/^\/pdf\//, "");
    hits.set(id, (hits.get(id) ?? 0) + 1);
    return answer(id, hits.get(id)!);
  });
  const clock = new FakeClock(Date.parse(NOW));
  const { ctx, logged } = fixtureJobContext(f, clock, { thumbnails: true, arxivPdfUrl: `${server.url}/pdf`, contact: "ops@papers.test", ...overrides });
  return { f, server, clock, logged, ctx, fetched: () => server.requests.map((r) => r.url.replace(/^\/pdf\//, "")) };
}

async function teardown(s: Setup) {
  await s.server.close();
  await s.f.close();
}

test("thumbnails job: newest papers first, a few per run, 3 s apart, Retry-After honoured; a second run fetches nothing again", async () => {
  const s = await setup((id, hit) => (id === "2401.00007" && hit === 1 ? { status: 503, headers: { "retry-after": "2" }, body: "busy" } : pdfOf(id)));
  try {
    const first = await makeThumbnailsJob({ perRun: 4 }).run(s.ctx, null);
    assert.equal(first, "4 rendered, 0 failed");
    // The newest day's papers in id order; the 503 is retried after the 2 s asked for, topped up to 3 s.
    assert.deepEqual(s.fetched(), ["2401.00007", "2401.00007", "2401.00008", "2401.00009", "2401.00010"]);
    assert.deepEqual(s.clock.sleeps, [2000, 1000, 3000, 3000, 3000]);
    assert.ok(s.server.requests.every((r) => r.headers["user-agent"]?.startsWith("paperfeed/") && r.headers["user-agent"].includes("mailto:ops@papers.test")));

    const stored = await s.f.community.thumbnails.getThumbnail("2401.00007");
    assert.ok(stored);
    assert.deepEqual([stored.format, stored.width, stored.height], ["webp", 320, 414]);
    assert.deepEqual(await decodeImage(stored.bytes), { format: "webp", width: 320, height: 414 });

    const job = makeThumbnailsJob();
    assert.equal(await job.run(s.ctx, null), "8 rendered, 0 failed");
    assert.equal(s.fetched().length, 13, "only the eight without one, each once");
    assert.equal(new Set(s.fetched()).size, 12);
    assert.equal(await job.run(s.ctx, null), "every recent paper has a thumbnail");
    assert.equal(s.fetched().length, 13, "nothing fetched again");
    assert.deepEqual(s.logged, ["arXiv PDF: " + `${s.server.url}/pdf/2401.00007 answered 503; waiting 2 s as asked (Retry-After)`]);
  } finally {
    await teardown(s);
  }
});

test("thumbnails job: a broken PDF, a web page and a 404 get a failure marker and one log line each, and are retried only later", async () => {
  const s = await setup((id) =>
    id === "2401.00008"
      ? { status: 200, headers: { "content-type": "application/pdf" }, body: BROKEN_PDF }
      : id === "2401.00009"
        ? { status: 200, headers: { "content-type": "text/html" }, body: "<html><body>Access denied</body></html>" }
        : id === "2401.00010"
          ? { status: 404, body: "not found" }
          : pdfOf(id),
  );
  try {
    const job = makeThumbnailsJob({ recentDays: 1 });
    assert.equal(await job.run(s.ctx, null), "3 rendered, 3 failed");
    assert.equal(s.logged.length, 3);
    assert.match(s.logged[0]!, /^thumbnails: 2401\.00008: the PDF cannot be read: Invalid PDF structure\.; showing the placeholder, next try after 2024-01-17T09:00:/);
    assert.match(s.logged[1]!, /^thumbnails: 2401\.00009: not a PDF \(starts with <html><body>Acce\)/);
    assert.match(s.logged[2]!, /^thumbnails: 2401\.00010: arXiv has no PDF for it \(404\)/);
    const broken = await s.f.community.thumbnails.thumbnailFailure("2401.00008");
    assert.equal(broken?.attempts, 1);
    assert.equal(await s.f.community.thumbnails.getThumbnail("2401.00008"), null);

    const before = s.fetched().length;
    assert.equal(await job.run(s.ctx, null), "every recent paper has a thumbnail");
    assert.equal(s.fetched().length, before, "not fetched again before their retry time");

    s.clock.advance(retryDelayMs(1));
    assert.equal(await job.run(s.ctx, null), "0 rendered, 3 failed");
    assert.deepEqual(s.fetched().slice(before), ["2401.00008", "2401.00009", "2401.00010"]);
    const again = await s.f.community.thumbnails.thumbnailFailure("2401.00008");
    assert.equal(again?.attempts, 2);
    assert.equal(Date.parse(again!.retryAt) - Date.parse(again!.failedAt), retryDelayMs(2), "waits grow: 6 h, then 24 h");
  } finally {
    await teardown(s);
  }
});

test("thumbnails job: a PDF over the size cap is marked failed without being read whole", async () => {
  const s = await setup();
  try {
    assert.equal(await makeThumbnailsJob({ recentDays: 1, perRun: 1, maxPdfBytes: 500 }).run(s.ctx, null), "0 rendered, 1 failed");
    assert.match((await s.f.community.thumbnails.thumbnailFailure("2401.00007"))!.reason, /larger than the 500 bytes/);
  } finally {
    await teardown(s);
  }
});

test("thumbnails job: when arXiv cannot be reached the run stops and marks nothing", async () => {
  const s = await setup(() => ({ status: 500, body: "oops" }));
  try {
    const detail = await makeThumbnailsJob({ recentDays: 1 }).run(s.ctx, null);
    assert.equal(detail, "0 rendered, 0 failed; stopped: arXiv unavailable");
    assert.equal(s.fetched().length, 5, "one paper, four retries with backoff, then the run stops");
    assert.equal(await s.f.community.thumbnails.thumbnailFailure("2401.00007"), null);
    assert.match(s.logged.at(-1)!, /^thumbnails: stopped for now: .*answered 500 after 5 attempts/);
  } finally {
    await teardown(s);
  }
});

test("thumbnails job: with thumbnails off it does nothing", async () => {
  const s = await setup(pdfOf, { thumbnails: false });
  try {
    assert.equal(await makeThumbnailsJob().run(s.ctx, null), "thumbnails are off (--no-thumbnails)");
    assert.equal(s.server.requests.length, 0);
  } finally {
    await teardown(s);
  }
});

test("thumbnails job: where the renderer cannot load, it says why once, fetches nothing and marks nothing", () => {
  const here = (name: string) => fileURLToPath(new URL(`./testing/${name}`, import.meta.url));
  const child = spawnSync(process.execPath, ["--import", "tsx", "--import", here("hide-canvas.mjs"), here("thumbnails-without-renderer.ts")], { encoding: "utf8", timeout: 60_000 });
  assert.equal(child.status, 0, child.stderr);
  const out = JSON.parse(child.stdout) as { details: string[]; logged: string[]; requests: number; stored: number; failure: unknown };
  assert.deepEqual(out.details, ["cannot render on this machine; nothing fetched", "cannot render on this machine; nothing fetched"]);
  assert.equal(out.logged.length, 1, "said once, not per run or per paper");
  assert.match(out.logged[0]!, /^thumbnails: thumbnails cannot be rendered on this machine \(pdfjs-dist or @napi-rs\/canvas did not load: Cannot find package '@napi-rs\/canvas'\); reinstall with npm install; cards show placeholders$/);
  assert.deepEqual([out.requests, out.stored, out.failure], [0, 0, null]);
});
