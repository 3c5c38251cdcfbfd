/**
 * The one place the API reads community data (upvotes, comments, daily submissions, GitHub
 * stars) for papers. Every endpoint that shows such a number asks `communityFacts`; while no
 * community store is configured every paper gets 0 / null, so the answers keep their shape.
 */
import type { Paper } from "../../../core/paper.js";
import type { CommunityStore, PaperActivity } from "../../../store/community-types.js";

export interface Submitter {
  id: number;
  /** Display name. */
  name: string;
  /** URL-safe username (HF's `user`, `?submitter=`). */
  username: string;
}

export interface CommunityFacts {
  upvotes: number;
  comments: number;
  /** Who put the paper on a daily list, and when; null when nobody did. */
  submittedBy: Submitter | null;
  submittedAt: string | null;
  /** Latest GitHub star count seen for its repository, null until known. */
  githubStars: number | null;
  /** The raw counters trending ranks by; null without community activity. */
  activity: PaperActivity | null;
}

/** Opens (once) or returns the community store; null where there is none (tests of the presenters). */
export type CommunitySource = () => Promise<CommunityStore | null>;

export const NO_FACTS: CommunityFacts = Object.freeze({ upvotes: 0, comments: 0, submittedBy: null, submittedAt: null, githubStars: null, activity: null });

export function communityFacts(source: CommunitySource | undefined, papers: readonly Paper[]): Promise<Map<string, CommunityFacts>> {
  return communityFactsOf(source, papers.map((p) => p.id));
}

/** As `communityFacts`, by paper id. */
export async function communityFactsOf(source: CommunitySource | undefined, ids: readonly string[]): Promise<Map<string, CommunityFacts>> {
  const store = source ? await source() : null;
  if (!store || ids.length === 0) return new Map(ids.map((id) => [id, NO_FACTS]));
  // Two queries for any number of papers: a result page must not cost a query per paper or day.
  const [activity, entries] = await Promise.all([store.activityOf(ids), store.dailyEntriesOf(ids)]);
  return new Map(
    ids.map((id) => {
      const a = activity.get(id);
      const entry = entries.get(id);
      return [
        id,
        {
          upvotes: a?.votes ?? entry?.votes ?? 0,
          comments: a?.comments ?? 0,
          submittedBy: entry ? { id: entry.userId, name: entry.submitterName, username: entry.submitterUsername } : null,
          submittedAt: entry?.submittedAt ?? null,
          githubStars: a?.stars ?? null,
          activity: a ?? null,
        },
      ];
    }),
  );
}
