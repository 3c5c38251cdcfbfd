/**
 * Renders the first page of a PDF to a small WebP, like the cards of Hugging Face's daily list.
 * pdf.js (pdfjs-dist, Mozilla's PDF reader) draws the page onto a Skia canvas (@napi-rs/canvas,
 * prebuilt binaries inside its npm packages), which also encodes WebP: nothing beyond `npm install`
 * and no system tool. Both are loaded on first use, so a machine where they cannot load still
 * runs everything else and says why (error id "renderer_unavailable").
 *
 * Why not mupdf (MuPDF compiled to WASM): as fast here, but AGPL-3.0, which would bind every
 * instance of this MIT-licensed project to it. Measured on one page at 320 px: 20–250 ms once
 * warm (the first page of a process ≈ 0.3–1 s, loading pdf.js), about 120 MB peak RSS.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PaperfeedError, messageOf } from "../../core/errors.js";

/** Width of a thumbnail, px: a card's image slot at 2× density is about this wide. */
export const THUMBNAIL_WIDTH = 320;
/** Tallest thumbnail, px; taller pages are cut at the bottom (a card shows the top). 1.6 × width holds A4 and Letter whole. */
export const THUMBNAIL_MAX_HEIGHT = 512;
/** WebP quality, 0–100: text stays legible at 80 and a page is 3–10 KB. */
const WEBP_QUALITY = 80;

export interface RenderedPage {
  format: "webp";
  bytes: Buffer;
  width: number;
  height: number;
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
type Canvas = typeof import("@napi-rs/canvas");
interface Libraries {
  pdfjs: PdfJs;
  canvas: Canvas;
  /** pdf.js's data folders (fonts not embedded in a PDF, CJK maps, image decoders). */
  data: { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string };
}

let loading: Promise<Libraries> | null = null;

/** Loads pdf.js and the canvas once per process; a failure is kept, so it is reported, not retried per paper. */
function libraries(): Promise<Libraries> {
  return (loading ??= (async () => {
    try {
      const [pdfjs, canvas] = await Promise.all([import("pdfjs-dist/legacy/build/pdf.mjs"), import("@napi-rs/canvas")]);
      const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
      const folder = (name: string) => join(root, name) + "/";
      return { pdfjs, canvas, data: { standardFontDataUrl: folder("standard_fonts"), cMapUrl: folder("cmaps"), wasmUrl: folder("wasm") } };
    } catch (e) {
      throw new PaperfeedError("ingest", "renderer_unavailable", `thumbnails cannot be rendered on this machine (pdfjs-dist or @napi-rs/canvas did not load: ${messageOf(e)}); reinstall with npm install`, 500, { cause: e });
    }
  })());
}

/** Fails unless the renderer loads; for a job to learn once, before fetching anything, that it cannot render. */
export async function checkRenderer(): Promise<void> {
  await libraries();
}

/** What the bytes start with, for a message: "<html>…", "%PDF-1.5". */
const startOf = (bytes: Uint8Array) =>
  Buffer.from(bytes.subarray(0, 16)).toString("latin1").replace(/[^\x20-\x7e]+/g, " ").trim() || `${bytes.length} bytes`;

export async function renderFirstPage(pdf: Uint8Array, width = THUMBNAIL_WIDTH): Promise<RenderedPage> {
  if (Buffer.from(pdf.subarray(0, 1024)).indexOf("%PDF-") < 0)
    throw new PaperfeedError("ingest", "not_a_pdf", `not a PDF (starts with ${startOf(pdf)})`);
  const { pdfjs, canvas: skia, data } = await libraries();
  // pdf.js takes over the buffer it is given; hand it a copy so the caller's bytes stay usable.
  // (pdf.js 6 never evaluates code from a PDF, so the old isEvalSupported switch is gone.)
  const task = pdfjs.getDocument({ data: new Uint8Array(pdf), ...data, cMapPacked: true, verbosity: 0 });
  try {
    let page;
    try {
      const doc = await task.promise;
      page = await doc.getPage(1);
    } catch (e) {
      throw new PaperfeedError("ingest", "unreadable_pdf", `the PDF cannot be read: ${messageOf(e)}`);
    }
    const natural = page.getViewport({ scale: 1 });
    if (!(natural.width > 0 && natural.height > 0)) throw new PaperfeedError("ingest", "unreadable_pdf", "the PDF's first page has no size");
    const viewport = page.getViewport({ scale: width / natural.width });
    const canvas = skia.createCanvas(width, Math.max(1, Math.min(THUMBNAIL_MAX_HEIGHT, Math.round(viewport.height))));
    try {
      // pdf.js is typed for the browser's canvas; Skia's implements the same drawing calls.
      type Target = Parameters<typeof page.render>[0];
      const target = { canvas, canvasContext: canvas.getContext("2d"), viewport } as unknown as Target;
      await page.render(target).promise;
    } catch (e) {
      throw new PaperfeedError("ingest", "unreadable_pdf", `the PDF's first page cannot be drawn: ${messageOf(e)}`);
    }
    const bytes = await canvas.encode("webp", WEBP_QUALITY);
    return { format: "webp", bytes, width: canvas.width, height: canvas.height };
  } finally {
    await task.destroy();
  }
}
