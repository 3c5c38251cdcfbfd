/** `/new` — the newest announced papers, newest first. */
import { Layout } from "./layout.js";
import { Pager } from "./components/pager.js";
import { PaperList } from "./components/paper-item.js";
import type { NewestView } from "./present/newest.js";

export function NewPage({ view }: { view: NewestView }) {
  return (
    <Layout title="New papers" section="new" math={view.hasMath}>
      <header class="page-head">
        <h1>New papers</h1>
        <p class="summary">The latest announcements first · {view.countLabel} in all</p>
      </header>
      {view.papers.length === 0 ? (
        <p class="empty">No papers yet.</p>
      ) : (
        <PaperList papers={view.papers} label="Newest papers" start={view.start} />
      )}
      <Pager paging={view.paging} />
    </Layout>
  );
}
