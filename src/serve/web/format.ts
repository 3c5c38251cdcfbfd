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

/** "Jul 1, 2026" */
export const formatDay = (isoDay: string) => DAY.format(asDate(isoDay));
/** "Wed, Jul 1" */
export const formatShortDay = (isoDay: string) => SHORT_DAY.format(asDate(isoDay));
/** "Wednesday, July 1, 2026" */
export const formatLongDay = (isoDay: string) => LONG_DAY.format(asDate(isoDay));
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
