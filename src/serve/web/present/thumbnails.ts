/**
 * Which papers on a page have a first-page thumbnail, asked in one query per page. A summary's
 * `thumbnail` is the image to show, null for the typographic placeholder, or left undefined when
 * thumbnails are off (`--no-thumbnails`), so cards keep their plain layout.
 */
import type { Config } from "../../../config/types.js";
import type { CommunityStore } from "../../../store/community-types.js";
import type { ThumbnailInfo } from "../../../store/thumbnail-types.js";
import { type StoreSources, lazyStores } from "../../api/stores.js";
import type { PaperSummary } from "./summary.js";

/** Where thumbnails are: the community pages' deps fit as they are; others go through `thumbnailSourceOf`. */
export interface ThumbnailSource {
  config: Pick<Config, "thumbnails">;
  community: () => Promise<CommunityStore>;
}

export const thumbnailSourceOf = (deps: StoreSources): ThumbnailSource => ({ config: deps.config, community: lazyStores(deps).community });

export interface ThumbnailView {
  /** Carries the image's etag, so the image can be cached for a year and a new rendering still shows at once. */
  src: string;
  width: number;
  height: number;
}

export const thumbnailPath = (paperId: string, format: string) => `/thumbnails/${paperId}.${format}`;

const viewOf = (info: ThumbnailInfo): ThumbnailView => ({
  src: `${thumbnailPath(info.paperId, info.format)}?v=${info.etag}`,
  width: info.width,
  height: info.height,
});

/** Thumbnails of these papers (one query), or null when thumbnails are off. */
export async function thumbnailViews(source: ThumbnailSource, paperIds: readonly string[]): Promise<Map<string, ThumbnailView> | null> {
  if (!source.config.thumbnails) return null;
  const community = await source.community();
  const found = await community.thumbnails.thumbnailsOf(paperIds);
  return new Map([...found].map(([id, info]) => [id, viewOf(info)]));
}

/** Sets `thumbnail` on each summary (image or null for the placeholder); one query for all. */
export async function attachThumbnails(source: ThumbnailSource, summaries: readonly PaperSummary[]): Promise<void> {
  const views = await thumbnailViews(source, summaries.map((s) => s.id));
  if (views) for (const s of summaries) s.thumbnail = views.get(s.id) ?? null;
}
