/** Gathers what the follow pages and the feed show, from the CommunityStore (follows) and the Store (papers, events). */
import { followingFeedOf } from "../../../actions/follow/feed-link.js";
import type { Paper } from "../../../core/paper.js";
import type { CommunityStore, User } from "../../../store/community-types.js";
import type { PaperEvent } from "../../../store/event-types.js";
import type { Store } from "../../../store/types.js";
import { paperHref } from "../format.js";
import { summarize } from "../present/summary.js";
import { type FollowingView, presentEvent } from "./present.js";

/** Followed papers per page, updates on the page, and events shown under each paper. */
const PAGE_SIZE = 50;
const UPDATES = 20;
const EVENTS_PER_PAPER = 3;

/** Followed papers' events with their papers (events of papers no longer stored are left out). */
export async function eventsWithPapers(store: Store, events: readonly PaperEvent[]): Promise<Array<{ event: PaperEvent; paper: Paper }>> {
  const papers = new Map((await store.getPapers([...new Set(events.map((e) => e.paperId))])).map((p) => [p.id, p]));
  return events.flatMap((event) => {
    const paper = papers.get(event.paperId);
    return paper ? [{ event, paper }] : [];
  });
}

export async function loadFollowing(
  stores: { store: Store; community: CommunityStore },
  input: { viewer: User; page: number; base: string; notice: string | null },
): Promise<FollowingView> {
  const { store, community } = stores;
  const userId = input.viewer.id;
  const total = await community.countFollowed(userId);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page), pages);
  const [followed, recent, prefs, feedPath] = await Promise.all([
    community.followedPapers(userId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    community.followedEvents(userId, { limit: UPDATES }),
    community.followPrefs(userId),
    followingFeedOf(community, userId),
  ]);
  const ids = followed.map((f) => f.paperId);
  const [papers, events, updates] = await Promise.all([
    store.getPapers(ids),
    store.paperEvents(ids, { limit: 1000 }),
    eventsWithPapers(store, recent),
  ]);
  const byId = new Map(papers.map((p) => [p.id, p]));
  return {
    viewer: input.viewer,
    updates: updates.map(({ event, paper }) => ({ event: presentEvent(event), title: paper.title, paperHref: paperHref(paper.id) })),
    papers: followed.flatMap((f) => {
      const paper = byId.get(f.paperId);
      if (!paper) return [];
      const own = events.filter((e) => e.paperId === f.paperId).slice(0, EVENTS_PER_PAPER).map(presentEvent);
      return [{ paper: summarize(paper), followedAt: f.followedAt, events: own }];
    }),
    total,
    page,
    pages,
    feedUrl: `${input.base}${feedPath}`,
    prefs,
    notice: input.notice,
  };
}
