/** First-page rendering with the real pdf.js and Skia, on PDFs written by hand. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { isPaperfeedError } from "../../core/errors.js";
import { THUMBNAIL_MAX_HEIGHT, renderFirstPage } from "./render.js";
import { BROKEN_PDF, decodeImage, minimalPdf } from "./testing/minimal-pdf.js";

const failsWith = (id: string) => (e: unknown) => isPaperfeedError(e) && e.id === id;

test("render: a Letter page becomes a 320 × 414 WebP that decodes to that size", async () => {
  const page = await renderFirstPage(minimalPdf("Attention Is All You Need"));
  assert.equal(page.format, "webp");
  assert.deepEqual([page.width, page.height], [320, 414]);
  assert.deepEqual(await decodeImage(page.bytes), { format: "webp", width: 320, height: 414 });
});

test("render: the title is drawn (the top of the page is not blank, the bottom is)", async () => {
  const { loadImage, createCanvas } = await import("@napi-rs/canvas");
  const page = await renderFirstPage(minimalPdf("Attention Is All You Need"));
  const image = await loadImage(page.bytes);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  const dark = (y0: number, y1: number) => {
    const { data } = ctx.getImageData(0, y0, image.width, y1 - y0);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) n++;
    return n;
  };
  // 36 pt at 320/612 scale: the title's line sits about 60 px from the top.
  assert.ok(dark(40, 80) > 200, `title pixels: ${dark(40, 80)}`);
  assert.equal(dark(200, 414), 0, "below the text the page is white");
});

test("render: a very tall page is cut at the bottom; a wide one keeps its shape", async () => {
  const tall = await renderFirstPage(minimalPdf("Tall", { width: 300, height: 3000 }));
  assert.deepEqual([tall.width, tall.height], [320, THUMBNAIL_MAX_HEIGHT]);
  const wide = await renderFirstPage(minimalPdf("Wide", { width: 1000, height: 300 }));
  assert.deepEqual(await decodeImage(wide.bytes), { format: "webp", width: 320, height: 96 });
});

test("render: not a PDF and a broken PDF fail with clear ids", async () => {
  await assert.rejects(renderFirstPage(Buffer.from("<html><body>Access denied</body></html>")), (e: unknown) => failsWith("not_a_pdf")(e) && /starts with <html>/.test((e as Error).message));
  await assert.rejects(renderFirstPage(BROKEN_PDF), failsWith("unreadable_pdf"));
  await assert.rejects(renderFirstPage(Buffer.alloc(0)), failsWith("not_a_pdf"));
});
