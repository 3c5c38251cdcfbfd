/**
 * Tells a file's format from its first record, with the extension as a hint only: downloads get
 * renamed (the Kaggle snapshot is JSON lines named .json) and compressed. Reads at most the first
 * 256 KiB of decompressed data.
 */
import { PaperfeedError } from "../core/errors.js";
import { FORMAT_NAMES, type FormatName } from "./formats.js";
import { isRecord } from "./fields.js";
import { openSource } from "./source.js";
import { pairUp } from "./readers/seed.js";

const HEAD_BYTES = 256 * 1024;

/** The format of `file`; throws a PaperfeedError naming the file and the known formats. */
export async function detectFormat(file: string): Promise<FormatName> {
  const head = await readDecompressedHead(file);
  const format = formatOfHead(head, file);
  if (format) return format;
  const preview = head.trim().slice(0, 60).replace(/\s+/g, " ");
  throw new PaperfeedError(
    "ingest",
    "unknown_format",
    `${file}: cannot tell the format (starts with "${preview}"); known formats: ${FORMAT_NAMES.join(", ")} (choose one with the format option)`,
  );
}

async function readDecompressedHead(file: string): Promise<string> {
  const source = await openSource(file);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source.chunks) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= HEAD_BYTES) break; // leaving the loop closes the file
    }
  } catch {
    // A cut-off file still has a head; reading it later reports the damage with a position.
  }
  return Buffer.concat(chunks)
    .subarray(0, HEAD_BYTES)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
}

/** Format from the first bytes; null when nothing fits. Exported for tests. */
export function formatOfHead(head: string, file = ""): FormatName | null {
  const text = head.trimStart();
  if (text.startsWith("<")) {
    const root = /<(?!\?|!)([\w:.-]+)/.exec(text)?.[1]?.replace(/^.*:/, "");
    if (root === "OAI-PMH") return "oai-pmh";
    if (root === "feed") return "atom";
    return null;
  }
  if (text.startsWith("{")) return formatOfJsonLine(text.split("\n", 1)[0] ?? "");
  // Plain text: a seed page has title/abstract paragraph pairs.
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim());
  if (/\.txt$/i.test(file.replace(/\.gz$/i, "")) || paragraphs.length >= 4) {
    if (pairUp(paragraphs).length > 0) return "seed";
  }
  return null;
}

function formatOfJsonLine(line: string): FormatName | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  const has = (key: string) => key in value;
  if (has("_id") && has("text")) return "beir";
  if (has("authors_parsed") || has("update_date")) return "kaggle";
  if (has("listing_date") || (has("summary") && Array.isArray(value.authors))) return "listing";
  if (has("versions") && has("title")) return "abs";
  if (has("oai_identifier") || (has("id") && has("title") && has("abstract") && !has("authors")))
    return "oai-titles";
  return null;
}
