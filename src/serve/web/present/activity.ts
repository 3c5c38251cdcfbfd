/**
 * The community counts on a page of cards: upvotes and comments of every paper with one
 * `activityOf`, the viewer's votes with one `votedPapers`, and where "Save" goes with one
 * `listCollections` — never a query per card. Without a mounted community (no viewer for the
 * request) cards show no counts, so nothing appears that cannot work.
 */
import type { PaperActivity } from "../../../store/community-types.js";
import { currentViewer } from "../../middleware/session.js";
import { type SaveTarget, saveTargetOf } from "../components/save-button.js";
import type { StarSource } from "./stars.js";
import type { PaperSummary } from "./summary.js";

/** The path and query of a request URL: where forms on its page send the reader back. */
export function hereOf(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

export interface CardCommunity {
  votes: number;
  comments: number;
  voted: boolean;
  /** Null when signed out (the card then links to sign in). */
  saveTo: SaveTarget | null;
  /** Where the vote and save forms return to: the page the card is on. */
  back: string;
}

/**
 * Sets `community` on each summary. `known` is activity the page already read (trending ranks
 * by it), so it is not asked twice.
 */
export async function attachActivity(
  source: StarSource,
  summaries: readonly PaperSummary[],
  back: string,
  known?: ReadonlyMap<string, PaperActivity>,
): Promise<void> {
  const viewer = currentViewer();
  if (!viewer || summaries.length === 0) return;
  const community = await source.community();
  const ids = summaries.map((s) => s.id);
  const user = viewer.user;
  const [activity, voted, collections] = await Promise.all([
    known ?? community.activityOf(ids),
    user ? community.votedPapers(user.id, ids) : Promise.resolve(new Set<string>()),
    user ? community.listCollections(user.id, false) : Promise.resolve([]),
  ]);
  const saveTo = user ? saveTargetOf(collections) : null;
  for (const s of summaries) {
    const a = activity.get(s.id);
    s.community = { votes: a?.votes ?? 0, comments: a?.comments ?? 0, voted: voted.has(s.id), saveTo, back };
  }
}
