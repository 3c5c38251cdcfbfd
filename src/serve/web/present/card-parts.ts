/**
 * What a card shows beside its paper, for a page of cards at once: the first-page thumbnail, the
 * code links' GitHub stars, and the community's votes, comments and the viewer's save target.
 */
import type { PaperActivity } from "../../../store/community-types.js";
import { attachActivity } from "./activity.js";
import { attachStars } from "./stars.js";
import type { PaperSummary } from "./summary.js";
import { attachThumbnails, type ThumbnailSource } from "./thumbnails.js";

/**
 * Sets `thumbnail`, `stars` and `community` on each card. `back` is where the cards' vote and
 * save forms return to; `known` is activity the page already read (see attachActivity).
 */
export async function attachCardParts(
  source: ThumbnailSource,
  cards: readonly PaperSummary[],
  back: string,
  known?: ReadonlyMap<string, PaperActivity>,
): Promise<void> {
  await Promise.all([attachThumbnails(source, cards), attachStars(source, cards), attachActivity(source, cards, back, known)]);
}
