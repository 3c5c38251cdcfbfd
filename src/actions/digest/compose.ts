/**
 * Composes digests for one period. `openPeriod` loads the period's papers once, ranks them by
 * the trending score and indexes them in a small in-memory search engine, so each subscriber's
 * saved searches run against the period only and no database is touched per query. Each paper
 * appears once per digest and once ever per subscriber (the store's shown-papers table).
 */
import type { Paper } from "../../core/paper.js";
import { rankTrending } from "../../rank/trending.js";
import { createSearchEngine } from "../../search/index.js";
import type { SearchEngine } from "../../search/types.js";
import type { DeliveryStore, SavedSearch, Subscriber } from "../../store/delivery-types.js";
import type { Store } from "../../store/types.js";
import type { PaperEvent } from "../../store/event-types.js";
import type { DigestContent, DigestSection } from "./content.js";
import type { FollowedEventsOf } from "./followed.js";
import { RECOMMENDED_MAX, type RecommendedOf } from "./recommended.js";
import { createExclusionTest } from "./exclude.js";
import type { Period } from "./periods.js";

export interface ComposeLimits {
  /** Trending papers per digest; default 10, 0–50. */
  trending?: number;
  /** Papers per saved search; default 10, 1–50. */
  perAlert?: number;
}

export interface PeriodPapers {
  period: Period;
  papers: Map<string, Paper>;
  /** Ids by trending score, best first. */
  trending: string[];
  engine: SearchEngine;
}

/** Loads the period's papers from the store (pages of 1000) and prepares ranking and search. */
export async function openPeriod(store: Store, period: Period): Promise<PeriodPapers> {
  const papers = new Map<string, Paper>();
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listAnnounced(period.from, period.to, { limit: 1000, offset });
    for (const p of page) papers.set(p.id, p);
    if (page.length < 1000) break;
  }
  const engine = createSearchEngine();
  for (const p of papers.values()) engine.add(p);
  const windowDays = period.cadence === "weekly" ? 7 : 1;
  const trending = rankTrending([...papers.values()], { lastDay: period.to, windowDays }).map((r) => r.id);
  return { period, papers, trending, engine };
}

/** The "Papers you follow" section, or null without events; papers in order of their newest event. */
function followedSection(events: readonly PaperEvent[]): DigestSection | null {
  if (events.length === 0) return null;
  return {
    kind: "followed",
    paperIds: [...new Set(events.map((e) => e.paperId))],
    events: events.map(({ paperId, kind, detail, date }) => ({ paperId, kind, detail, date })),
  };
}

export interface Composer {
  period: Period;
  /** The digest for one subscriber, or null when nothing in the period is new to them. */
  compose(subscriber: Subscriber, searches: readonly SavedSearch[]): Promise<DigestContent | null>;
}

export function createComposer(
  delivery: DeliveryStore,
  periodPapers: PeriodPapers,
  limits: ComposeLimits = {},
  /** Events of followed papers for a subscriber (followed.ts); without it no "Papers you follow". */
  followedEvents?: FollowedEventsOf,
  /** For you picks among the period's papers for a member's subscription (recommended.ts). */
  recommendedFor?: RecommendedOf,
): Composer {
  const trendingLimit = limits.trending ?? 10;
  const perAlert = limits.perAlert ?? 10;
  const isExcluded = createExclusionTest();
  const excluded = (id: string, exclude: readonly string[]) =>
    isExcluded(periodPapers.papers.get(id)!, exclude);
  // Many subscribers share a query; its hits for the period are the same for all of them.
  const hitsByQuery = new Map<string, string[]>();
  const hits = (query: string) => {
    let ids = hitsByQuery.get(query);
    if (!ids) {
      try {
        ids = periodPapers.engine.search({ q: query, limit: 200 }).hits.map((h) => h.id);
      } catch {
        ids = []; // a query the engine refuses matches nothing; the manage page shows it as saved
      }
      hitsByQuery.set(query, ids);
    }
    return ids;
  };

  return {
    period: periodPapers.period,
    async compose(subscriber, searches) {
      const trendingCandidates = periodPapers.trending.slice(0, trendingLimit * 4);
      const alertCandidates = searches.map((s) => hits(s.query).filter((id) => !excluded(id, s.exclude)));
      const candidates = [...new Set([...trendingCandidates, ...alertCandidates.flat()])];
      const shown = await delivery.shownPapers(subscriber.id, candidates);
      const used = new Set<string>();
      const take = (ids: string[], n: number) => {
        const out = ids.filter((id) => !shown.has(id) && !used.has(id)).slice(0, n);
        out.forEach((id) => used.add(id));
        return out;
      };
      // Alerts first: what a subscriber asked for wins over what is merely popular.
      const alerts: DigestSection[] = searches.map((s, i) => ({
        kind: "alert",
        searchId: s.id,
        name: s.name,
        query: s.query,
        exclude: s.exclude,
        paperIds: take(alertCandidates[i]!, perAlert),
      }));
      // Then what For you picks, before what is merely popular.
      const picks = recommendedFor ? await recommendedFor(subscriber, new Set(periodPapers.papers.keys())) : [];
      const recommended: DigestSection = { kind: "recommended", paperIds: take(picks.filter((id) => periodPapers.papers.has(id)), RECOMMENDED_MAX) };
      const trending: DigestSection = { kind: "trending", paperIds: take(trendingCandidates, trendingLimit) };
      const followed = followedSection(followedEvents ? await followedEvents(subscriber) : []);
      if (used.size === 0 && !followed) return null;
      return {
        type: "digest",
        cadence: subscriber.cadence,
        period: periodPapers.period.key,
        sections: [...(followed ? [followed] : []), ...(recommended.paperIds.length > 0 ? [recommended] : []), trending, ...alerts],
      };
    },
  };
}
