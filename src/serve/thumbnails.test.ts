/**
 * Thumbnails end to end over real HTTP: the job fetches PDFs from a loopback server and renders
 * them into the app's database; the app, on a real socket, shows them on the daily cards and the
 * paper page (size given, lazy, with alt text), serves the image with its type, etag and cache
 * headers, and shows the typographic placeholder where a PDF was broken.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { FakeClock } from "../ingest/http/testing/fake-clock.js";
import { startReplayServer } from "../ingest/http/testing/replay-server.js";
import { BROKEN_PDF, decodeImage, minimalPdf } from "../ingest/thumbnails/testing/minimal-pdf.js";
import { makeThumbnailsJob } from "../jobs/thumbnails-job.js";
import { openSqliteCommunityStore } from "../store/sqlite/community-sql.js";
import { SqliteDeliveryStore } from "../store/sqlite/delivery-store.js";
import { cardOf, decodeRefs, listenOnLoopback, openFixtureApp, occurrences } from "./testing/fixture-app.js";

test("thumbnails over HTTP: rendered by the job, shown on cards and the paper page, served with etag and long cache; a broken PDF shows the placeholder", async () => {
  let hits = 0;
  const pdfs = await startReplayServer(() => (++hits === 1 ? { status: 200, body: minimalPdf("A Paper Rendered Small") } : { status: 200, body: BROKEN_PDF }));
  const fx = await openFixtureApp([], { thumbnails: true, arxivPdfUrl: `${pdfs.url}/pdf` });
  const community = openSqliteCommunityStore({ path: fx.config.db });
  const delivery = SqliteDeliveryStore.open({ path: fx.config.db });
  const { base, close } = await listenOnLoopback(fx.app);
  try {
    const clock = new FakeClock(Date.parse("2026-07-02T03:00:00Z"));
    const logged: string[] = [];
    const ctx = { store: fx.store, delivery, community, config: fx.config, owner: "test", clock: () => new Date(clock.now()), time: clock, log: (l: string) => logged.push(l) };
    assert.equal(await makeThumbnailsJob({ perRun: 2, recentDays: 1 }).run(ctx, null), "1 rendered, 1 failed");
    const [good, broken] = pdfs.requests.map((r) => r.url.replace("/pdf/", ""));
    assert.ok(good && broken);
    assert.equal(logged.length, 1, "one log line for the broken PDF");

    const daily = await (await fetch(`${base}/`)).text();
    const info = (await community.thumbnails.thumbnailsOf([good]))!.get(good)!;
    const src = `/thumbnails/${good}.webp?v=${info.etag}`;
    const card = decodeRefs(cardOf(daily, good));
    assert.match(card, new RegExp(`<img class="paper-thumb" src="${src.replace(/[.?]/g, "\\$&")}" width="320" height="414" loading="lazy" decoding="async" alt="First page of “[^"]+”"`));
    const placeholder = cardOf(daily, broken);
    assert.match(placeholder, /<div class="paper-thumb thumb-placeholder" aria-hidden="true"><span class="thumb-title">[^<]+<\/span><span class="thumb-category">[a-z-]+(\.[A-Za-z-]+)?<\/span><\/div>/);
    assert.equal(occurrences(daily, 'class="paper-thumb'), occurrences(daily, "<article class=\"paper\""), "every card has an image or a placeholder");

    const image = await fetch(`${base}${src}`);
    assert.equal(image.status, 200);
    assert.equal(image.headers.get("content-type"), "image/webp");
    assert.equal(image.headers.get("cache-control"), "public, max-age=31536000, immutable");
    assert.equal(image.headers.get("etag"), `"${info.etag}"`);
    assert.deepEqual(await decodeImage(Buffer.from(await image.arrayBuffer())), { format: "webp", width: 320, height: 414 });
    const again = await fetch(`${base}/thumbnails/${good}.webp`, { headers: { "if-none-match": `"${info.etag}"` } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get("cache-control"), "public, max-age=86400", "an unversioned URL is cached a day");

    for (const path of [`/thumbnails/${broken}.webp`, `/thumbnails/${good}.png`, "/thumbnails/not-an-id.webp", "/thumbnails/2606.99999.webp"]) {
      const missing = await fetch(`${base}${path}`);
      assert.equal(missing.status, 404, path);
      await missing.arrayBuffer();
    }

    // The day's curated list and trending use the same card.
    const member = await community.createUser({ email: "ada@example.org", displayName: "Ada", passwordHash: "x", now: "2026-07-01T10:00:00.000Z" });
    await community.addDailyEntry({ day: "2026-07-01", paperId: good, userId: member.id, now: "2026-07-01T10:00:00.000Z" });
    await community.addDailyEntry({ day: "2026-07-01", paperId: broken, userId: member.id, now: "2026-07-01T10:00:00.000Z" });
    const curated = await (await fetch(`${base}/daily?date=2026-07-01`)).text();
    assert.match(cardOf(curated, good), /<img class="paper-thumb" src="\/thumbnails\/[^"]+" width="320" height="414" loading="lazy"/);
    assert.match(cardOf(curated, broken), /thumb-placeholder/);
    const trending = await (await fetch(`${base}/trending`)).text();
    assert.equal(occurrences(trending, 'class="paper-thumb'), occurrences(trending, '<article class="paper"'));
    assert.ok(occurrences(trending, '<article class="paper"') > 0);

    const page = await (await fetch(`${base}/papers/${good}`)).text();
    assert.match(page, new RegExp(`<a class="paper-page-thumb" href="[^"]+" title="Open the PDF"><img class="paper-page-thumb-image" src="${src.replace(/[.?]/g, "\\$&")}" width="320" height="414" loading="lazy"`));
    assert.match(await (await fetch(`${base}/papers/${broken}`)).text(), /<div class="paper-page-thumb"><div class="paper-page-thumb-image thumb-placeholder" aria-hidden="true">/);
  } finally {
    await close();
    await delivery.close();
    await community.close();
    await fx.close();
    await pdfs.close();
  }
});

test("thumbnails off: cards and the paper page keep their plain layout and ask nothing", async () => {
  const fx = await openFixtureApp();
  try {
    const daily = await (await fx.app.request("/")).text();
    assert.equal(occurrences(daily, "paper-thumb"), 0);
    const page = await fx.app.request("/papers/2606.27617");
    assert.equal(page.status, 200);
    assert.equal(occurrences(await page.text(), "paper-page-thumb"), 0);
  } finally {
    await fx.close();
  }
});
