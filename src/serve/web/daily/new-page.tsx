/** `/new` — the newest announced papers, newest first. */
import { Layout } from "../layout.js";
import { Pager } from "../components/pager.js";
import { PaperList } from "../components/paper-item.js";
import type { NewestView } from "./new-present.js";
import { type CategoryOption, ListFilter } from "../components/list-filter.js";
import { FeedLinks } from "../components/feed-links.js";

/** A category or range turns the stream into the newest-first search of them (see routes.tsx). */
function Filters({ categories }: { categories: CategoryOption[] }) {
  return (
    <section class="side-part" aria-labelledby="filter-heading">
      <h2 id="filter-heading">Filter</h2>
      <ListFilter action="/new" label="Filter the new papers" categories={categories} cat="" from="" to="" />
    </section>
  );
}

export function NewPage({ view, categories }: { view: NewestView; categories: CategoryOption[] }) {
  return (
    <Layout
      title="New papers"
      section="new"
      math={view.hasMath}
      head={
        <header class="page-head">
          <h1>New papers</h1>
          <p class="summary">The latest announcements first · {view.countLabel} in all</p>
        </header>
      }
      sidebar={
        <>
          <Filters categories={categories} />
          <FeedLinks feed={{ name: "daily", query: "", what: "Papers of the newest day" }} />
        </>
      }
    >
      {view.papers.length === 0 ? (
        <p class="empty">No papers yet.</p>
      ) : (
        <PaperList papers={view.papers} label="Newest papers" start={view.start} />
      )}
      <Pager paging={view.paging} />
    </Layout>
  );
}
