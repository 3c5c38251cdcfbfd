/** `/` — the papers announced on a day (or in a week or month), newest day first. */
import { Layout } from "../layout.js";
import { Pager } from "../components/pager.js";
import { PaperList } from "../components/paper-item.js";
import type { DailyView, PeriodLink } from "./present.js";
import { type CategoryOption, ListFilter } from "../components/list-filter.js";
import { FeedLinks } from "../components/feed-links.js";
import { ExportLinks } from "../../export/links.js";
import { NewestDayNote } from "../components/newest-day.js";

function Step({ link, rel, unit }: { link: PeriodLink | null; rel: "prev" | "next"; unit: string }) {
  const cls = `period-step ${rel}`;
  if (!link)
    return (
      <span class={`${cls} disabled`}>{rel === "prev" ? `No earlier ${unit}` : `No later ${unit}`}</span>
    );
  return (
    <a class={cls} href={link.href} rel={rel} title={link.label}>
      {rel === "prev" ? <>‹ {link.short}</> : <>{link.short} ›</>}
      <span class="visually-hidden">
        {" "}
        ({rel === "prev" ? "previous" : "next"} {unit})
      </span>
    </a>
  );
}

function PeriodNav({ view }: { view: DailyView }) {
  const unit = view.period.kind;
  return (
    <nav class="period-nav" aria-label={`Other ${unit}s`}>
      <Step link={view.previous} rel="prev" unit={unit} />
      <span class="views" role="group" aria-label="Show one">
        {view.views.map((v) => (
          <a
            href={v.href}
            aria-current={v.current ? "true" : undefined}
            class={v.current ? "current" : undefined}
          >
            {v.label}
          </a>
        ))}
      </span>
      <Step link={view.next} rel="next" unit={unit} />
    </nav>
  );
}

/** Category and range of the period: a plain GET form to `/`, which keeps a range that is a period. */
function Filters({ view, categories }: { view: DailyView; categories: CategoryOption[] }) {
  return (
    <section class="side-part" aria-labelledby="filter-heading">
      <h2 id="filter-heading">Filter</h2>
      <ListFilter action="/" label="Filter the daily papers" categories={categories} cat={view.cat} from={view.period.from} to={view.period.to} />
    </section>
  );
}

/** A day's feed for a day; the week and month views have none of their own, so the newest day's. */
function Feeds({ view }: { view: DailyView }) {
  const day = view.period.kind === "day";
  return <FeedLinks feed={{ name: "daily", query: day ? `day=${view.period.key}` : "", what: day ? `Papers of ${view.title}` : "Papers of the newest day" }} />;
}

export function DailyPage({ view, categories }: { view: DailyView; categories: CategoryOption[] }) {
  let start = view.start;
  const byDay = view.period.kind !== "day";
  return (
    <Layout
      title={`Daily papers · ${view.title}`}
      description={`${view.countLabel} announced on arXiv, ${view.title}${view.cat ? `, in ${view.cat}` : ""}: titles, authors and abstracts.`}
      section="daily"
      math={view.hasMath}
      head={
        <header class="page-head">
          <p class="kicker">Daily papers</p>
          <h1>{view.title}</h1>
          <p class="summary">{view.countLabel}</p>
        </header>
      }
      sidebar={
        <>
          <Filters view={view} categories={categories} />
          <Feeds view={view} />
        </>
      }
    >
      {view.newestDay && <NewestDayNote {...view.newestDay} what="has been announced" which="papers" />}
      <PeriodNav view={view} />
      {view.total === 0 && (
        <p class="empty">
          No papers were announced {view.period.kind === "day" ? "on" : "in"} this {view.period.kind}. Try the
          previous or next one.
        </p>
      )}
      {view.groups.map((group) => {
        const list = (
          <PaperList
            papers={group.papers}
            label={`Papers of ${group.label}`}
            level={byDay ? 3 : 2}
            start={start}
            showDay={false}
          />
        );
        start += group.papers.length;
        return byDay ? (
          <section class="day-group" aria-label={group.label}>
            <h2 class="day-heading">{group.label}</h2>
            {list}
          </section>
        ) : (
          list
        );
      })}
      <Pager paging={view.paging} />
      {view.total > 0 && (
        <ExportLinks list="day" params={{ [view.period.kind === "day" ? "date" : view.period.kind]: view.period.key, cat: view.cat }} />
      )}
    </Layout>
  );
}

/** Shown while the database holds no papers. */
export function EmptyDailyPage() {
  return (
    <Layout title="Daily papers" section="daily">
      <header class="page-head">
        <h1>Daily papers</h1>
      </header>
      <p class="empty">
        No papers yet. Import arXiv metadata with <code>paperfeed import FILE</code>, or start the server with
        the demo data enabled.
      </p>
    </Layout>
  );
}
