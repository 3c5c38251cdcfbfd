/**
 * A member's "For you" list: gathers what they did (votes, collections, followed papers, authors,
 * categories, saved searches, "Not interested") from the stores, ranks the recent pool with
 * `recommend` (src/rank/for-you), and records what was shown — the one read state: a paper shown
 * on the page or in a digest more than `SEEN_GRACE_MS` ago is not shown again (within it, a
 * reload shows the same list).
 */
import type { Paper } from "../../core/paper.js";
import { MAX_SIGNALS, type Recommendation, type Signal, recommend } from "../../rank/for-you/recommend.js";
import type { RecentPool } from "../../rank/for-you/recent-pool.js";
import type { CommunityStore } from "../../store/community-types.js";
import type { DeliveryStore } from "../../store/delivery-types.js";
import type { Interest } from "../../store/interest-types.js";
import type { Store } from "../../store/types.js";

export interface ForYouDeps {
  store: Store;
  community: CommunityStore;
  /** Saved searches live with mail subscriptions; without mail there are none. */
  delivery?: DeliveryStore | null;
  pool: RecentPool;
}

export interface ForYouItem {
  paper: Paper;
  recommendation: Recommendation;
}

export interface ForYouList {
  items: ForYouItem[];
  /** False when the member has done nothing yet that For you could learn from. */
  trained: boolean;
  /** The newest announcement day in the pool. */
  newestDay: string | null;
  /** The authors and categories the member follows, newest first (read for the ranking). */
  interests: Interest[];
  /** How many signals of each kind were used, for the page's "learned from" line. */
  learnedFrom: { upvoted: number; saved: number; followed: number; authors: number; categories: number; searches: number; dismissed: number };
}

/** Within this long of first showing, a paper is still shown (a reload keeps the list). */
export const SEEN_GRACE_MS = 6 * 3_600_000;
/** Read state older than the pool's days cannot matter; this bounds the query. */
const SEEN_HORIZON_MS = 120 * 86_400_000;

async function savedPaperIds(community: CommunityStore, userId: number): Promise<string[]> {
  const ids: string[] = [];
  for (const collection of await community.listCollections(userId, false)) {
    for (const item of await community.collectionItems(collection.id)) ids.push(item.paperId);
    if (ids.length >= MAX_SIGNALS) break;
  }
  return ids.slice(0, MAX_SIGNALS);
}

export interface ForYouOptions {
  now: Date;
  /** Papers returned; default 30, 1–200. */
  limit?: number;
  /** Record the returned papers as shown (the page does; a digest records what it sends). */
  markSeen?: boolean;
  /** Only these papers may be picked (a digest's period). */
  among?: ReadonlySet<string>;
  /** See `ForYouInput.signalAuthors`; for measurements. */
  signalAuthors?: boolean;
}

export async function forYou(deps: ForYouDeps, userId: number, options: ForYouOptions): Promise<ForYouList> {
  const { community, store } = deps;
  await deps.pool.refresh(options.now.getTime());
  const [voted, saved, followed, interests, dismissedIds] = await Promise.all([
    community.userVotes(userId, MAX_SIGNALS),
    savedPaperIds(community, userId),
    community.followedPapers(userId, { limit: MAX_SIGNALS }).then((f) => f.map((x) => x.paperId)),
    community.interests.listInterests(userId),
    community.interests.notInterested(userId, MAX_SIGNALS),
  ]);
  const subscriber = deps.delivery ? await deps.delivery.getSubscriberByAccount(String(userId)) : null;
  const savedSearches = subscriber && deps.delivery ? await deps.delivery.listSavedSearches(subscriber.id) : [];
  const now = options.now.getTime();
  const seen = await community.interests.seenBetween(userId, new Date(now - SEEN_HORIZON_MS).toISOString(), new Date(now - SEEN_GRACE_MS).toISOString());

  const papers = new Map((await store.getPapers([...new Set([...voted, ...saved, ...followed, ...dismissedIds])])).map((p) => [p.id, p]));
  const signals: Signal[] = [];
  const kinds: Array<[string[], Signal["kind"]]> = [[saved, "saved"], [followed, "followed"], [voted, "upvoted"]];
  const counted = new Set<string>();
  for (const [ids, kind] of kinds)
    for (const id of ids) {
      const paper = papers.get(id);
      if (paper && !counted.has(id)) {
        counted.add(id);
        signals.push({ paper, kind });
      }
    }
  const dismissed = dismissedIds.flatMap((id) => papers.get(id) ?? []);
  const authors = interests.filter((i) => i.kind === "author").map((i) => i.value);
  const categories = interests.filter((i) => i.kind === "category").map((i) => i.value);

  const among = options.among;
  const recommendations = recommend({
    pool: among ? deps.pool.papers().filter((p) => among.has(p.paper.id)) : deps.pool.papers(),
    stats: deps.pool,
    signals,
    notInterested: dismissed,
    authors,
    categories,
    savedSearches: savedSearches.map((s) => ({ name: s.name, query: s.query })),
    exclude: new Set([...seen, ...voted, ...saved, ...followed, ...dismissedIds]),
    ...(options.limit ? { limit: options.limit } : {}),
    ...(options.signalAuthors === false ? { signalAuthors: false } : {}),
  });
  const byId = new Map(deps.pool.papers().map((p) => [p.paper.id, p.paper]));
  const items = recommendations.flatMap((recommendation) => {
    const paper = byId.get(recommendation.id);
    return paper ? [{ paper, recommendation }] : [];
  });
  if (options.markSeen && items.length > 0) await community.interests.markSeen(userId, items.map((i) => i.paper.id), options.now.toISOString());
  return {
    items,
    trained: signals.length + authors.length + categories.length + savedSearches.length > 0,
    newestDay: deps.pool.newestDay(),
    interests,
    learnedFrom: {
      upvoted: signals.filter((s) => s.kind === "upvoted").length,
      saved: signals.filter((s) => s.kind === "saved").length,
      followed: signals.filter((s) => s.kind === "followed").length,
      authors: authors.length,
      categories: categories.length,
      searches: savedSearches.length,
      dismissed: dismissed.length,
    },
  };
}
