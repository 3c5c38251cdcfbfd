/** `/trending` — papers ranked by the transparent trending score, each with its parts shown. */
import { Layout } from "../layout.js";
import { CommunityStyle } from "../community-nav.js";
import { PaperItem } from "../components/paper-item.js";
import type { PaperSummary } from "../present/summary.js";
import { NewestDayNote } from "../components/newest-day.js";
import { ListFilter } from "../components/list-filter.js";
import { FeedLinks } from "../components/feed-links.js";

export interface TrendingEntry {
  paper: PaperSummary;
  score: number;
  parts: Record<string, number>;
}

export interface TrendingView {
  entries: TrendingEntry[];
  category: string | null;
  categories: string[];
  windowDays: number;
  /** The window's first day, and whether the reader chose the window (the filter's range). */
  firstDay: string;
  asked: boolean;
  hasMath: boolean;
  here: string;
  /** The newest announcement day, where the window ends; the page says so when it is not `today`. */
  lastDay: string;
  today: string;
}

const PART_LABEL: Record<string, string> = {
  votes: "upvotes",
  comments: "comments",
  collections: "collection adds",
  stars: "GitHub stars/day",
  code: "code",
  crossList: "cross-listed",
  venue: "venue",
  fresh: "freshness",
};

function Parts({ score, parts }: { score: number; parts: Record<string, number> }) {
  const shown = Object.entries(parts).filter(([, v]) => v > 0);
  return (
    <details class="score-parts">
      <summary>Why is this here?</summary>
      <p>Score {score.toFixed(2)}, from:</p>
      <dl aria-label="Parts of the score">
        {shown.map(([k, v]) => (
          <div data-part={k}>
            <dt>{PART_LABEL[k] ?? k}</dt>
            <dd>{v.toFixed(2)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

export function TrendingPage({ view }: { view: TrendingView }) {
  return (
    <Layout
      title={view.category ? `Trending in ${view.category}` : "Trending papers"}
      description={`The papers ${view.category ? `in ${view.category} ` : ""}that readers upvote, discuss and save most, over the last ${view.windowDays} days of arXiv announcements.`}
      section="trending"
      math={view.hasMath}
      head={
        <header class="page-head">
          <CommunityStyle />
          <p class="kicker">Trending</p>
          <h1>{view.category ? `Trending in ${view.category}` : "Trending papers"}</h1>
          <p class="summary">
            Score = upvotes + 0.5 × comments + 0.75 × collection adds, each halving in weight every 24 hours,
            + GitHub-star velocity where known, + code (1), cross-listing (0.25 each), a named venue (0.5) and
            freshness (up to 0.5) over{" "}
            {view.asked
              ? `the ${view.windowDays} days from ${view.firstDay} to ${view.lastDay}`
              : `the last ${view.windowDays} days of announcements`}
            .
          </p>
        </header>
      }
      sidebar={
        <>
          <section class="side-part" aria-labelledby="filter-heading">
            <h2 id="filter-heading">Filter</h2>
            <ListFilter
              action="/trending"
              label="Filter the trending papers"
              categories={view.categories.map((value) => ({ value }))}
              cat={view.category ?? ""}
              from={view.firstDay}
              to={view.lastDay}
            />
          </section>
          <FeedLinks feed={{ name: "trending", query: "", what: "Trending this week, all categories" }} />
        </>
      }
    >
      {!view.asked && (
        <NewestDayNote
          day={view.lastDay}
          today={view.today}
          what="has been announced"
          which="papers, where this week ends"
        />
      )}
      {view.entries.length === 0 ? (
        <p class="empty">Nothing is trending here yet.</p>
      ) : (
        <ol class="paper-list" aria-label="Trending papers">
          {view.entries.map((e) => (
            <li>
              <PaperItem paper={e.paper}>
                <Parts score={e.score} parts={e.parts} />
              </PaperItem>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
