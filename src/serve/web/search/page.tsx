/** `/search` — results with count and time, filters and sort as a plain form, paging, help when nothing matched. */
import { Layout } from "../layout.js";
import { chars, latin1Text } from "../components/html-string.js";
import { Pager } from "../components/pager.js";
import { PaperList } from "../components/paper-item.js";
import type { SearchView } from "./present.js";
import { ExportLinks } from "../../export/links.js";
import { DidYouMean, RelaxedNotice } from "./notices.js";
import { type CategoryOption, ListFilter } from "../components/list-filter.js";
import { FeedLinks } from "../components/feed-links.js";
import { savedQueryOf } from "./saved-query.js";

const EXAMPLES = [
  '"graph neural networks"',
  'au:"Yann LeCun"',
  "diffusion -video",
  "ti:transformer cat:cs.LG",
];

function Filters({ view, categories }: { view: SearchView; categories: CategoryOption[] }) {
  const { form } = view;
  return (
    <section class="side-part" aria-labelledby="filter-heading">
      <h2 id="filter-heading">Filter</h2>
      <ListFilter action="/search" label="Filter the results" categories={categories} cat={form.cat} from={form.from} to={form.to} keep={{ q: form.q, sort: form.sort }}>
        <label class="check">
          <input type="checkbox" name="code" value="1" checked={form.code} />
          <span>Has code</span>
        </label>
      </ListFilter>
    </section>
  );
}

/**
 * "Save this search": its feed, and where mail works, new matches by email (the subscribe page
 * with the query, which adds it to the digest's saved searches).
 */
function SaveSearch({ view, mailOn }: { view: SearchView; mailOn: boolean }) {
  const query = savedQueryOf(view.form);
  if (!query) return null;
  return (
    <FeedLinks heading="Save this search" feed={{ name: "search", query: `q=${encodeURIComponent(query)}`, what: "Newest matches as a feed" }}>
      {mailOn && (
        <p>
          <a class="button" href={`/subscribe?q=${encodeURIComponent(query)}`}>
            Email me new matches
          </a>
        </p>
      )}
    </FeedLinks>
  );
}

function SortLinks({ view }: { view: SearchView }) {
  return (
    <nav class="sort-links" aria-label="Sort">
      <span class="muted">Sort:</span>
      {view.sortLinks.map((link) =>
        link.current ? (
          <strong aria-current="true">{link.label}</strong>
        ) : (
          <a href={link.href} rel="nofollow">
            {link.label}
          </a>
        ),
      )}
    </nav>
  );
}

function ActiveFilters({ view }: { view: SearchView }) {
  if (view.activeFilters.length === 0) return null;
  return (
    <p class="active-filters">
      {view.activeFilters.map((f) => (
        <a class="filter-chip" href={f.href}>
          {f.text} <span aria-hidden="true">×</span>
          <span class="visually-hidden">(remove)</span>
        </a>
      ))}
    </p>
  );
}

function Intro() {
  return (
    <div class="intro">
      <p>Search titles, abstracts, authors and comments of every paper here. Some queries to try:</p>
      <ul class="examples">
        {EXAMPLES.map((q) => (
          <li>
            <a href={`/search?q=${encodeURIComponent(q)}`}>
              <code>{q}</code>
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a href="/help/search">How to write queries</a>
      </p>
    </div>
  );
}

function NoHits({ view }: { view: SearchView }) {
  return (
    <div class="no-hits">
      <p>No papers match{view.form.q ? <> {chars.ldquo}{latin1Text(view.form.q)}{chars.rdquo}</> : null}. You could:</p>
      <ul>
        {view.suggestions.map((s) => (
          <li>{s.href ? <a href={s.href}>{s.text}</a> : s.text}</li>
        ))}
        <li>
          <a href="/help/search">Read how queries work</a>
        </li>
      </ul>
    </div>
  );
}

export function SearchPage({ view, categories, mailOn = false }: { view: SearchView; categories: CategoryOption[]; mailOn?: boolean }) {
  const { form } = view;
  const heading = form.q ? (
    <>
      Results for {chars.ldquo}
      {latin1Text(form.q)}
      {chars.rdquo}
    </>
  ) : view.state === "intro" ? (
    "Search"
  ) : (
    "Papers"
  );
  const head = (
    <>
      <header class="page-head">
        <h1>{heading}</h1>
      </header>
      {view.state === "results" && (
        <div class="results-bar">
          <p class="summary" role="status">
            {view.totalLabel} · {view.tookLabel}
          </p>
          <SortLinks view={view} />
        </div>
      )}
    </>
  );
  return (
    <Layout
      title={form.q ? `${form.q} – Search` : "Search"}
      description={
        view.state === "results"
          ? `${view.totalLabel} matching ${savedQueryOf(form) || "the filters"}, with titles, authors and the passages that match.`
          : "Search the titles, abstracts, authors and comments of arXiv papers."
      }
      section="search"
      query={form.q}
      math={view.hasMath}
      head={head}
      sidebar={
        view.state === "intro" ? undefined : (
          <>
            <Filters view={view} categories={categories} />
            <SaveSearch view={view} mailOn={mailOn} />
          </>
        )
      }
    >
      <DidYouMean view={view} />
      <RelaxedNotice view={view} />
      <ActiveFilters view={view} />
      {view.state === "intro" && <Intro />}
      {view.state === "invalid" && (
        <div class="problem" role="alert">
          {view.problems.map((p) => (
            <p>{p}</p>
          ))}
          <p>
            <a href="/help/search">How to write queries</a>
          </p>
        </div>
      )}
      {view.state === "none" && <NoHits view={view} />}
      {view.state === "results" && (
        <>
          <PaperList papers={view.results} label="Search results" start={view.start} />
          <Pager paging={view.paging} />
          <ExportLinks
            list="search"
            params={{ q: form.q, cat: form.cat, from: form.from, to: form.to, code: form.code ? "1" : "", sort: form.sort }}
          />
        </>
      )}
    </Layout>
  );
}
