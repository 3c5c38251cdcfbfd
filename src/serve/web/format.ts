/** Small text formatters shared by the presenters. Dates are arXiv days, always UTC. */

const DAY = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});
const LONG_DAY = new Intl.DateTimeFormat("en-US", {
  weekday: "long",
  month: "long",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});
const SHORT_DAY = new Intl.DateTimeFormat("en-US", {
  weekday: "short",
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});
const MONTH = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
const NUMBER = new Intl.NumberFormat("en-US");

const asDate = (isoDay: string) => new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);

/**
 * A day's label, formatted once: every card of a results page formats its day, and Intl's
 * formatting cost about 1% of a search page. arXiv has some 13,000 days since 1991, so the
 * labels kept stay small.
 */
function dayLabels(format: Intl.DateTimeFormat): (isoDay: string) => string {
  const labels = new Map<string, string>();
  return (isoDay) => {
    const key = isoDay.slice(0, 10);
    let label = labels.get(key);
    if (label === undefined) {
      label = format.format(asDate(key));
      if (labels.size < 50_000) labels.set(key, label);
    }
    return label;
  };
}

/** "Jul 1, 2026" */
export const formatDay = dayLabels(DAY);
/** "Wed, Jul 1" */
export const formatShortDay = dayLabels(SHORT_DAY);
/** "Wednesday, July 1, 2026" */
export const formatLongDay = dayLabels(LONG_DAY);
/** "July 2026" from "2026-07" or a day in it. */
export const formatMonth = (isoMonth: string) => MONTH.format(asDate(`${isoMonth.slice(0, 7)}-01`));
/** "2,314" */
export const formatCount = (n: number) => NUMBER.format(n);
/** "1 paper", "2,314 papers" */
export const countNoun = (n: number, noun: string) => `${formatCount(n)} ${noun}${n === 1 ? "" : "s"}`;

/** Link to an author's page (web/authors/). */
export const authorHref = (name: string) => `/authors/${encodeURIComponent(name)}`;

/** Link to an author search; quotes in names would end the phrase early. */
export const authorSearchHref = (name: string) =>
  `/search?q=${encodeURIComponent(`au:"${name.replace(/"/g, "")}"`)}`;

/** Link to a paper's page; old-style ids keep their slash. */
export const paperHref = (id: string) => `/papers/${id.split("/").map(encodeURIComponent).join("/")}`;
