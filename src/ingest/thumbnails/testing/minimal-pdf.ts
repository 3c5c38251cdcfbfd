/**
 * A valid one-page PDF written by hand (catalog, pages, page, Helvetica, one content stream with
 * the title in 36 pt), with exact cross-reference offsets, so tests render a real PDF without a
 * binary fixture. Page size in points; Letter by default. For tests only.
 */
export function minimalPdf(title: string, size: { width: number; height: number } = { width: 612, height: 792 }): Buffer {
  const text = (s: string) => s.replace(/[()\\]/g, (c) => `\\${c}`);
  const content = [
    `BT /F1 36 Tf 72 ${size.height - 120} Td (${text(title)}) Tj ET`,
    `BT /F1 12 Tf 72 ${size.height - 160} Td (Abstract. We render the first page of this paper small.) Tj ET`,
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size.width} ${size.height}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
  ];
  let out = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** Starts like a PDF, then is not one: what a cut-off or corrupt download looks like. */
export const BROKEN_PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");

/** Width and height of a WebP or PNG, decoded by a real image decoder (Skia), plus the format its signature names. */
export async function decodeImage(bytes: Buffer): Promise<{ format: "webp" | "png" | "other"; width: number; height: number }> {
  const format =
    bytes.subarray(0, 4).toString("latin1") === "RIFF" && bytes.subarray(8, 12).toString("latin1") === "WEBP"
      ? "webp"
      : bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
        ? "png"
        : "other";
  const { loadImage } = await import("@napi-rs/canvas");
  const image = await loadImage(bytes);
  return { format, width: image.width, height: image.height };
}
