/**
 * Thumbnails in a real browser: the thumbnails job renders hand-written PDFs (one broken) from a
 * loopback server into the site's database, then the daily list, the curated list and a paper
 * page show the images and placeholders at desktop and phone width, light and dark — images
 * loaded, no console errors, no serious axe-core violations, no sideways scrolling — with
 * screenshots in test-artifacts/screenshots (thumbnails-*).
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { FakeClock } from "../../src/ingest/http/testing/fake-clock.js";
import { type ReplayServer, startReplayServer } from "../../src/ingest/http/testing/replay-server.js";
import { BROKEN_PDF, minimalPdf } from "../../src/ingest/thumbnails/testing/minimal-pdf.js";
import { makeThumbnailsJob } from "../../src/jobs/thumbnails-job.js";
import { testConfig } from "../../src/serve/testing/fixture-app.js";
import { openSqliteCommunityStore } from "../../src/store/sqlite/community-sql.js";
import { SqliteDeliveryStore } from "../../src/store/sqlite/delivery-store.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { type Scheme, type Site, type ViewportName, describeViolations, horizontalOverflow, newPage, openSite, screenshot, seriousViolations, skipReason } from "./browser.js";

let site: Site;
let pdfs: ReplayServer;
let dir: string;
let rendered: string;

before(async () => {
  if (skipReason) return;
  let hits = 0;
  pdfs = await startReplayServer((r) => (++hits === 3 ? { body: BROKEN_PDF } : { body: minimalPdf(`Paper ${r.url.slice("/pdf/".length)}`) }));
  dir = mkdtempSync(join(tmpdir(), "paperfeed-thumbs-"));
  const config = testConfig(dir, { thumbnails: true, arxivPdfUrl: `${pdfs.url}/pdf` });
  site = await openSite({ config });
  const store = SqliteStore.open({ path: config.db });
  const delivery = SqliteDeliveryStore.open({ path: config.db });
  const community = openSqliteCommunityStore({ path: config.db });
  try {
    const clock = new FakeClock(Date.parse("2026-07-02T03:00:00Z"));
    const ctx = { store, delivery, community, config, owner: "test", clock: () => new Date(clock.now()), time: clock, log: () => undefined };
    assert.equal(await makeThumbnailsJob({ perRun: 6, recentDays: 1 }).run(ctx, null), "5 rendered, 1 failed");
    rendered = pdfs.requests[0]!.url.slice("/pdf/".length);
    const member = await community.createUser({ email: "ada@example.org", displayName: "Ada", passwordHash: "x", now: "2026-07-01T10:00:00.000Z" });
    for (const r of pdfs.requests.slice(0, 4)) await community.addDailyEntry({ day: "2026-07-01", paperId: r.url.slice("/pdf/".length), userId: member.id, now: "2026-07-01T10:00:00.000Z" });
  } finally {
    await community.close();
    await delivery.close();
    await store.close();
  }
});
after(async () => {
  await site?.close();
  await pdfs?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

for (const viewport of ["desktop", "phone"] as ViewportName[]) {
  for (const scheme of ["light", "dark"] as Scheme[]) {
    test(`thumbnails at ${viewport} width in ${scheme} mode: images load, placeholders show, accessible, fits, screenshot`, { skip: skipReason }, async () => {
      const { page, errors } = await newPage(site, viewport, scheme);
      for (const [name, path] of [["daily", "/"], ["curated", "/daily?date=2026-07-01"], ["paper", `/papers/${rendered}`]] as const) {
        assert.equal((await page.goto(path))?.status(), 200, path);
        // Lazy images load as they scroll into view: bring each into view, then check it decoded.
        const sizes = await page.$$eval("img.paper-thumb, img.paper-page-thumb-image", async (images) => {
          const loaded: number[] = [];
          for (const img of images as unknown as Array<{ scrollIntoView(): void; decode(): Promise<void>; naturalWidth: number }>) {
            img.scrollIntoView();
            await img.decode();
            loaded.push(img.naturalWidth);
          }
          return loaded;
        });
        assert.ok(sizes.length > 0, `${path} shows thumbnails`);
        assert.ok(sizes.every((w) => w === 320), `${path}: every image decoded at 320 px: ${sizes.join(", ")}`);
        if (path !== `/papers/${rendered}`) assert.ok((await page.$$(".thumb-placeholder")).length > 0, `${path} shows a placeholder`);
        await page.evaluate("window.scrollTo(0, 0)");
        if (viewport === "phone") assert.equal(await horizontalOverflow(page), 0, `${path} scrolls sideways`);
        const violations = await seriousViolations(page);
        assert.equal(violations.length, 0, `${path} (${viewport}, ${scheme}):\n${describeViolations(violations)}`);
        await screenshot(page, `thumbnails-${name}`, viewport, scheme);
      }
      assert.deepEqual(errors, []);
      await page.context().close();
    });
  }
}
