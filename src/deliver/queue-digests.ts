/**
 * Queues one period's digests: every active subscriber of the cadence whose last digest is older
 * than the period gets one outbox row (key = digest.<subscriber>.<period>), written in the same
 * transaction as the papers it shows. Running it again — after a crash, or twice by accident —
 * queues nothing twice. After downtime only the latest period is queued: a subscriber never gets
 * a pile of stale digests.
 */
import type { DeliveryStore, DigestEnqueue } from "../store/delivery-types.js";
import type { Store } from "../store/types.js";
import { createComposer, openPeriod, type ComposeLimits } from "../actions/digest/compose.js";
import { digestKey, shownPaperIdsOf } from "../actions/digest/content.js";
import { followedEventsOf } from "../actions/digest/followed.js";
import { markRecommendedSeen, recommendedOf } from "../actions/digest/recommended.js";
import type { CommunityStore } from "../store/community-types.js";
import type { Period } from "../actions/digest/periods.js";

export interface QueueDigestsInput {
  store: Store;
  delivery: DeliveryStore;
  /** With it, members' digests carry the events of the papers they follow ("Papers you follow") and For you picks. */
  community?: CommunityStore;
  period: Period;
  limits?: ComposeLimits;
  /** Subscribers read per page; default 500. */
  pageSize?: number;
  clock?: () => Date;
  onProgress?: (done: number) => void;
}

export interface QueueSummary {
  /** Digests queued now. */
  queued: number;
  /** Subscribers with nothing new in the period. */
  empty: number;
  /** Papers in the period. */
  papers: number;
}

export async function queueDigests(input: QueueDigestsInput): Promise<QueueSummary> {
  const { delivery, period } = input;
  const periodPapers = await openPeriod(input.store, period);
  const summary: QueueSummary = { queued: 0, empty: 0, papers: periodPapers.papers.size };
  // A period without papers can still bring followed papers' events.
  if (periodPapers.papers.size === 0 && !input.community) return summary;
  const followed = input.community ? followedEventsOf(input.community, delivery) : undefined;
  const recommended = input.community ? recommendedOf({ store: input.store, community: input.community, delivery }, () => input.clock?.() ?? new Date()) : undefined;
  const composer = createComposer(delivery, periodPapers, input.limits, followed, recommended);
  let afterId = 0;
  for (;;) {
    const page = await delivery.dueSubscribers({
      cadence: period.cadence,
      duePeriod: period.key,
      afterId,
      limit: input.pageSize ?? 500,
    });
    if (page.length === 0) return summary;
    const searches = await delivery.savedSearchesOf(page.map((s) => s.id));
    const batch: DigestEnqueue[] = [];
    const picked: Array<{ subscriber: (typeof page)[number]; ids: string[] }> = [];
    const now = (input.clock?.() ?? new Date()).toISOString();
    for (const subscriber of page) {
      const content = await composer.compose(subscriber, searches.get(subscriber.id) ?? []);
      if (!content) {
        summary.empty++;
        continue;
      }
      const shownPaperIds = shownPaperIdsOf(content);
      const message = {
        key: digestKey(subscriber.id, period.key),
        kind: "digest" as const,
        subscriberId: subscriber.id,
        email: subscriber.email,
        payload: JSON.stringify(content),
        notBefore: now,
      };
      batch.push({ message, shownPaperIds, period: period.key });
      picked.push({ subscriber, ids: content.sections.flatMap((s) => (s.kind === "recommended" ? s.paperIds : [])) });
    }
    // One transaction per page: each digest stays atomic, and commits are 500× fewer.
    const queued = await delivery.enqueueDigests(batch, now);
    summary.queued += queued.filter(Boolean).length;
    // What a digest shows from For you counts as seen on the site too (one read state).
    if (input.community) for (const [i, p] of picked.entries()) if (queued[i]) await markRecommendedSeen(input.community, p.subscriber, p.ids, now);
    afterId = page.at(-1)!.id;
    input.onProgress?.(summary.queued + summary.empty);
  }
}
