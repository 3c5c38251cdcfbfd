/** The view models of the follow pages; events read as src/actions/follow/event-text.ts words them. */
import { type EventText, describeEvent } from "../../../actions/follow/event-text.js";
import type { PaperEvent } from "../../../store/event-types.js";
import type { FollowPrefs, User } from "../../../store/community-types.js";
import type { PaperSummary } from "../present/summary.js";

export interface EventView extends EventText {
  id: number;
  paperId: string;
}

export const presentEvent = (e: PaperEvent): EventView => ({ id: e.id, paperId: e.paperId, ...describeEvent(e) });

export interface FollowedPaperView {
  paper: PaperSummary;
  followedAt: string;
  /** The paper's latest events, newest first (at most a few). */
  events: EventView[];
}

export interface FollowingView {
  viewer: User;
  /** Recent events of every followed paper, newest first, with the paper's title. */
  updates: Array<{ event: EventView; title: string; paperHref: string }>;
  papers: FollowedPaperView[];
  total: number;
  page: number;
  pages: number;
  /** Absolute URL of the member's secret Atom feed. */
  feedUrl: string;
  prefs: FollowPrefs;
  notice: string | null;
}
