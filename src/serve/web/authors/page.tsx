/** `/authors/NAME` — an author's papers newest first, with who they write with and where they publish. */
import type { Child } from "hono/jsx";
import { Layout } from "../layout.js";
import { Pager } from "../components/pager.js";
import { PaperList } from "../components/paper-item.js";
import { authorHref, authorSearchHref, formatCount } from "../format.js";
import type { AuthorView } from "./present.js";

/**
 * `actions` is where buttons about the author go, beside the name: Follow (follow-button.tsx)
 * where the community is mounted.
 */
export function AuthorPage({ view, actions }: { view: AuthorView; actions?: Child }) {
  return (
    <Layout title={view.name} section={null} math={view.hasMath} description={`${view.countLabel} by ${view.name}`} canonical={view.canonical ?? authorHref(view.name)}>
      <header class="page-head author-head">
        <p class="kicker">Author</p>
        <h1>{view.name}</h1>
        <div class="head-row">
          <p class="summary">
            {view.countLabel} here, newest first · <a href={authorSearchHref(view.name)}>search as au:</a>
          </p>
          {actions && <div class="author-actions">{actions}</div>}
        </div>
      </header>
      <div class="author-facts">
        {view.categories.length > 0 && (
          <section aria-labelledby="author-categories">
            <h2 id="author-categories">Categories</h2>
            <ul class="chips">
              {view.categories.map((c) => (
                <li>
                  <a class="chip" href={`/search?q=${encodeURIComponent(`au:"${view.name.replace(/"/g, "")}" cat:${c.name}`)}`}>{c.name}</a>{" "}
                  <span class="muted">{formatCount(c.count)}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {view.coauthors.length > 0 && (
          <section aria-labelledby="author-coauthors">
            <h2 id="author-coauthors">Often writes with</h2>
            <ul class="coauthors">
              {view.coauthors.map((c) => (
                <li>
                  <a href={authorHref(c.name)}>{c.name}</a> <span class="muted">{formatCount(c.count)}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <h2 class="visually-hidden">Papers</h2>
      <PaperList papers={view.papers} label={`Papers by ${view.name}`} start={view.start} level={3} />
      <Pager paging={view.paging} />
    </Layout>
  );
}
