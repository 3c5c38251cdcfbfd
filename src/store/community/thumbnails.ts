/** The ThumbnailStore (src/store/thumbnail-types.ts) over the community store's SQL surface. */
import { createHash } from "node:crypto";
import { PaperfeedError } from "../../core/errors.js";
import type * as T from "../thumbnail-types.js";
import { type Row, type SqlDatabase, forUpdate, placeholders } from "./sql.js";

const FORMATS: readonly T.ThumbnailFormat[] = ["webp", "png"];
/** Reasons are one line, cut so a long library message cannot bloat the row. */
const REASON_CHARS = 300;
const INFO_COLUMNS = "paper_id, format, width, height, etag, rendered_at";

const bad = (id: string, message: string) => new PaperfeedError("store", id, message);

const infoOf = (r: Row): T.ThumbnailInfo => ({
  paperId: String(r.paper_id),
  format: r.format as T.ThumbnailFormat,
  width: Number(r.width),
  height: Number(r.height),
  etag: String(r.etag),
  renderedAt: String(r.rendered_at),
});

const failureOf = (r: Row): T.ThumbnailFailure => ({
  paperId: String(r.paper_id),
  reason: String(r.reason),
  attempts: Number(r.attempts),
  failedAt: String(r.failed_at),
  retryAt: String(r.retry_at),
});

function validThumbnail(t: T.NewThumbnail): T.NewThumbnail {
  if (!FORMATS.includes(t.format)) throw bad("invalid_thumbnail", `thumbnail of ${t.paperId}: format must be ${FORMATS.join(" or ")}, got ${String(t.format)}`);
  for (const side of [t.width, t.height])
    if (!Number.isInteger(side) || side < 1 || side > 10_000) throw bad("invalid_thumbnail", `thumbnail of ${t.paperId}: width and height must be whole pixels 1–10000, got ${t.width}×${t.height}`);
  if (!t.bytes?.length) throw bad("invalid_thumbnail", `thumbnail of ${t.paperId}: no image bytes`);
  return t;
}

export class SqlThumbnailStore implements T.ThumbnailStore {
  constructor(private readonly db: SqlDatabase) {}

  async saveThumbnail(input: T.NewThumbnail): Promise<T.ThumbnailInfo> {
    const t = validThumbnail(input);
    const bytes = Buffer.from(t.bytes.buffer, t.bytes.byteOffset, t.bytes.byteLength);
    const etag = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
    const row = await this.db.get(
      `INSERT INTO thumbnails (paper_id, status, format, width, height, bytes, etag, rendered_at, attempts)
       VALUES (?, 'ready', ?, ?, ?, ?, ?, ?, 0)
       ON CONFLICT (paper_id) DO UPDATE SET status = 'ready', format = excluded.format, width = excluded.width,
         height = excluded.height, bytes = excluded.bytes, etag = excluded.etag, rendered_at = excluded.rendered_at,
         reason = NULL, attempts = 0, failed_at = NULL, retry_at = NULL
       RETURNING ${INFO_COLUMNS}`,
      [t.paperId, t.format, t.width, t.height, bytes, etag, t.renderedAt],
    );
    return infoOf(row!);
  }

  recordThumbnailFailure(input: { paperId: string; reason: string; now: string; retryAt: (attempts: number) => string }) {
    const reason = String(input.reason).replace(/\s+/g, " ").trim().slice(0, REASON_CHARS) || "unknown";
    return this.db.transaction(async (tx): Promise<T.ThumbnailFailure | null> => {
      const current = await tx.get(`SELECT status, attempts FROM thumbnails WHERE paper_id = ?${forUpdate(tx)}`, [input.paperId]);
      if (current?.status === "ready") return null;
      const attempts = Number(current?.attempts ?? 0) + 1;
      const row = await tx.get(
        `INSERT INTO thumbnails (paper_id, status, reason, attempts, failed_at, retry_at) VALUES (?, 'failed', ?, ?, ?, ?)
         ON CONFLICT (paper_id) DO UPDATE SET reason = excluded.reason, attempts = excluded.attempts,
           failed_at = excluded.failed_at, retry_at = excluded.retry_at
         RETURNING paper_id, reason, attempts, failed_at, retry_at`,
        [input.paperId, reason, attempts, input.now, input.retryAt(attempts)],
      );
      return failureOf(row!);
    });
  }

  async getThumbnail(paperId: string): Promise<T.Thumbnail | null> {
    const row = await this.db.get(`SELECT ${INFO_COLUMNS}, bytes FROM thumbnails WHERE paper_id = ? AND status = 'ready'`, [paperId]);
    return row ? { ...infoOf(row), bytes: Buffer.from(row.bytes as Uint8Array) } : null;
  }

  async thumbnailsOf(paperIds: readonly string[]) {
    const ids = [...new Set(paperIds)];
    const rows = ids.length
      ? await this.db.all(`SELECT ${INFO_COLUMNS} FROM thumbnails WHERE status = 'ready' AND paper_id IN (${placeholders(ids.length)})`, ids)
      : [];
    return new Map(rows.map((r) => [String(r.paper_id), infoOf(r)]));
  }

  async thumbnailFailure(paperId: string) {
    const row = await this.db.get("SELECT paper_id, reason, attempts, failed_at, retry_at FROM thumbnails WHERE paper_id = ? AND status = 'failed'", [paperId]);
    return row ? failureOf(row) : null;
  }

  async papersWithoutThumbnail(paperIds: readonly string[], now: string) {
    const ids = [...new Set(paperIds)];
    if (!ids.length) return [];
    const settled = await this.db.all(
      `SELECT paper_id FROM thumbnails WHERE paper_id IN (${placeholders(ids.length)}) AND (status = 'ready' OR retry_at > ?)`,
      [...ids, now],
    );
    const skip = new Set(settled.map((r) => String(r.paper_id)));
    return ids.filter((id) => !skip.has(id));
  }
}
