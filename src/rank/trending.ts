/**
 * "Trending" before votes exist: a transparent score over what the metadata says about a paper's
 * likely reach, applied to the newest announced papers. Every part is reported so a reader (and
 * the digest footer) can see why a paper ranks where it does. Votes, when they exist, become one
 * more part.
 *
 * Parts (summed):
 * - `code`      1.0 with a GitHub/GitLab repository, 0.6 with only a model or project page
 * - `crossList` 0.25 per category beyond the primary one, at most 4 (work that speaks to several fields)
 * - `venue`     0.5 when the comments or journal reference name an acceptance or a venue
 * - `fresh`     0–0.5: newer announcement days in the window score higher (0.5 on the last day)
 * With `activity` given, the community's parts join them: votes, comments, collections, stars
 * (community-parts.ts).
 */
import type { Paper } from "../core/paper.js";
import type { PaperActivity } from "../store/community-types.js";
import { communityParts } from "./community-parts.js";

/** The common ranker shape: one entry per paper, best first. */
export interface RankedPaper {
  id: string;
  score: number;
  parts: Record<string, number>;
}

export interface TrendingOptions {
  /** The last day of the window ("YYYY-MM-DD"); default: the newest `announced` among the papers. */
  lastDay?: string;
  /** Days in the window, 1–366; default 7. Papers older than the window get fresh = 0. */
  windowDays?: number;
  /** Community activity by paper id; when given, its parts are added (papers without any get zeros). */
  activity?: ReadonlyMap<string, PaperActivity>;
  /** The moment the decayed community parts are taken at (ISO-8601); default now. */
  now?: string;
}

const VENUE =
  /\b(accepted|to appear|published|camera[- ]ready|proceedings)\b|\b(NeurIPS|ICML|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|AAAI|IJCAI|KDD|SIGIR|STOC|FOCS|SODA|PRL|JHEP)\b/i;
const DAY_MS = 86_400_000;

export function trendingParts(paper: Paper, lastDay: string, windowDays: number): Record<string, number> {
  const repo = paper.codeLinks.some((l) => l.kind === "github" || l.kind === "gitlab");
  const code = repo ? 1 : paper.codeLinks.length > 0 ? 0.6 : 0;
  const crossList = 0.25 * Math.min(4, Math.max(0, paper.categories.length - 1));
  const venue = VENUE.test(`${paper.comments ?? ""} ${paper.journalRef ?? ""}`) ? 0.5 : 0;
  const age = (Date.parse(lastDay) - Date.parse(paper.announced)) / DAY_MS;
  const fresh = age < 0 || age >= windowDays ? 0 : 0.5 * (1 - age / windowDays);
  return { code, crossList, venue, fresh: Math.round(fresh * 1000) / 1000 };
}

/** Papers ranked by trending score, best first; ties go to the newer day, then the higher id. */
export function rankTrending(papers: readonly Paper[], options: TrendingOptions = {}): RankedPaper[] {
  const windowDays = Math.min(366, Math.max(1, Math.floor(options.windowDays ?? 7)));
  const lastDay =
    options.lastDay ?? papers.reduce((max, p) => (p.announced > max ? p.announced : max), "0000-01-01");
  const byId = new Map(papers.map((p) => [p.id, p]));
  const now = options.now ?? new Date().toISOString();
  return papers
    .map((paper) => {
      const parts = trendingParts(paper, lastDay, windowDays);
      if (options.activity) Object.assign(parts, communityParts(options.activity.get(paper.id), now));
      const score = Math.round(Object.values(parts).reduce((a, b) => a + b, 0) * 1000) / 1000;
      return { id: paper.id, score, parts };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        byId.get(b.id)!.announced.localeCompare(byId.get(a.id)!.announced) ||
        (a.id < b.id ? 1 : -1),
    );
}
