/**
 * The storage contract for first-page thumbnails: the small image of each paper's first page, or
 * the reason it could not be made and when to try again. Kept in the database (not on a disk
 * beside it) so every node of a PostgreSQL deployment serves the same images. Implemented once
 * over the community store's SQL surface (src/store/community/thumbnails.ts), reached as
 * `CommunityStore.thumbnails`; one contract suite (test/store/thumbnail-contract.ts) runs on both
 * backends. Times are ISO-8601 UTC strings passed in by the caller.
 */

export type ThumbnailFormat = "webp" | "png";

/** What a page needs to show a thumbnail without layout shift (no image bytes). */
export interface ThumbnailInfo {
  paperId: string;
  format: ThumbnailFormat;
  /** Pixels, ≥ 1. */
  width: number;
  height: number;
  /** A strong validator of the bytes (first 16 hex digits of their SHA-256). */
  etag: string;
  renderedAt: string;
}

export interface Thumbnail extends ThumbnailInfo {
  bytes: Buffer;
}

export interface NewThumbnail {
  paperId: string;
  format: ThumbnailFormat;
  width: number;
  height: number;
  bytes: Uint8Array;
  renderedAt: string;
}

/** Why a paper has no thumbnail, and when it may be tried again. */
export interface ThumbnailFailure {
  paperId: string;
  /** One line, e.g. "not a PDF (starts with <html>)". */
  reason: string;
  /** Failed attempts so far, ≥ 1. */
  attempts: number;
  failedAt: string;
  retryAt: string;
}

export interface ThumbnailStore {
  /** Stores (or replaces) a paper's thumbnail; a failure recorded before is forgotten. */
  saveThumbnail(thumbnail: NewThumbnail): Promise<ThumbnailInfo>;
  /**
   * Records a failed attempt: counts it and keeps the reason; `retryAt(attempts)` (attempts
   * including this one) says when to try again, so a broken PDF is not fetched on every run.
   * A stored thumbnail is never replaced by a failure.
   */
  recordThumbnailFailure(input: { paperId: string; reason: string; now: string; retryAt: (attempts: number) => string }): Promise<ThumbnailFailure | null>;
  /** The image, or null when there is none (none yet, or failed). */
  getThumbnail(paperId: string): Promise<Thumbnail | null>;
  /** Which of these papers have a thumbnail, in one query (for a page of cards). */
  thumbnailsOf(paperIds: readonly string[]): Promise<Map<string, ThumbnailInfo>>;
  thumbnailFailure(paperId: string): Promise<ThumbnailFailure | null>;
  /**
   * Of these papers, in the order given, those worth an attempt at `now`: no row yet, or a
   * failure whose retry time has come.
   */
  papersWithoutThumbnail(paperIds: readonly string[], now: string): Promise<string[]>;
}
