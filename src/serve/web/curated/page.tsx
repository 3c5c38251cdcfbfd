/** `/daily` — a day's curated list: most upvoted first, each with who submitted it. */
import { formatLongDay, formatShortDay } from "../format.js";
import { Layout } from "../layout.js";
import { CommunityStyle } from "../community-nav.js";
import { Notice, PostForm } from "../community-form.js";
import { PaperItem } from "../components/paper-item.js";
import type { PaperSummary } from "../present/summary.js";
import { type CategoryOption, ListFilter } from "../components/list-filter.js";
import { NewestDayNote } from "../components/newest-day.js";
import { type EmptyDayFacts, EmptyCuratedDay } from "./empty-day.js";

export interface CuratedEntry {
  paper: PaperSummary;
  votes: number;
  voted: boolean;
  submitterId: number;
  submitterName: string;
}

export interface CuratedView {
  day: string;
  /** The category shown ("" for all) and the categories of the day's list, for the filter. */
  cat: string;
  categories: CategoryOption[];
  entries: CuratedEntry[];
  previous: string | null;
  next: string | null;
  /** What the viewer may do: submit (and to which day), remove entries. */
  canSubmit: boolean;
  canCurate: boolean;
  hint: string | null;
  notice: string | null;
  error: string | null;
  hasMath: boolean;
  /** What an empty day says about adding papers. */
  empty: EmptyDayFacts;
  /** Set when the page opened on the newest list because today's is empty. */
  newestDay: { day: string; today: string } | null;
}

/** The curated list of a day, in one category when `cat` is given. */
export const curatedHref = (day: string, cat = "") => `/daily?date=${day}${cat ? `&cat=${encodeURIComponent(cat)}` : ""}`;

export function CuratedPage({ view }: { view: CuratedView }) {
  const here = curatedHref(view.day, view.cat);
  const dayHref = (day: string) => curatedHref(day, view.cat);
  return (
    <Layout
      title={`Curated papers · ${formatLongDay(view.day)}`}
      section="curated"
      math={view.hasMath}
      head={
        <header class="page-head">
          <CommunityStyle />
          <p class="kicker">Curated daily papers</p>
          <h1>{formatLongDay(view.day)}</h1>
          <p class="summary">Chosen by this site's members and curators; the most upvoted first.</p>
        </header>
      }
      sidebar={
        <section class="side-part" aria-labelledby="filter-heading">
          <h2 id="filter-heading">Filter</h2>
          <ListFilter action="/daily" label="Filter the curated list" categories={view.categories} cat={view.cat} from={view.day} to={view.day} single />
        </section>
      }
    >
      {view.newestDay && <NewestDayNote {...view.newestDay} what="is on the curated list" which="a curated list" />}
      <nav class="period-nav" aria-label="Other days">
        {view.previous ? <a class="period-step prev" rel="prev" href={dayHref(view.previous)}>‹ {formatShortDay(view.previous)}</a> : <span class="period-step prev disabled">No earlier list</span>}
        {view.next ? <a class="period-step next" rel="next" href={dayHref(view.next)}>{formatShortDay(view.next)} ›</a> : <span class="period-step next disabled">No later list</span>}
      </nav>
      <Notice error={view.error} info={view.notice} />
      {view.canSubmit && (
        <PostForm action="/daily/submit" class="row-form submit-form">
          <label>
            Add a paper <span class="hint">arXiv id or URL</span>
            <input type="text" name="paper" required placeholder="2401.01234" />
          </label>
          {view.canCurate && (
            <label>
              Day
              <input type="date" name="day" value={view.day} />
            </label>
          )}
          <button type="submit">Submit</button>
        </PostForm>
      )}
      {view.hint && view.entries.length > 0 && <p class="muted">{view.hint}</p>}
      {view.entries.length === 0 ? (
        <EmptyCuratedDay facts={view.empty} />
      ) : (
        <ol class="paper-list curated-list" aria-label={`Curated papers of ${formatLongDay(view.day)}`}>
          {view.entries.map((e) => (
            <li>
              <PaperItem paper={e.paper}>
                <p class="submitted-by">
                  Submitted by <a href={`/users/${e.submitterId}`}>{e.submitterName}</a>
                </p>
                {view.canCurate && (
                  <PostForm action="/daily/remove" class="inline-form">
                    <input type="hidden" name="paper" value={e.paper.id} />
                    <input type="hidden" name="back" value={here} />
                    <button type="submit" class="link-button">
                      Take off the list
                    </button>
                  </PostForm>
                )}
              </PaperItem>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
