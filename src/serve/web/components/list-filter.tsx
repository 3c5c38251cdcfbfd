/**
 * The one filter of every list (Daily, Curated, Trending, Search, New): a category menu and a date
 * range in native date inputs, sent as a plain GET form to the list's own address, which decides
 * what a range means for it. Extra fields (Search's "Has code") come in as children.
 */
import type { Child } from "hono/jsx";
import { latin1Text } from "./html-string.js";

export interface CategoryOption {
  value: string;
  count?: number;
}

/** The options, with `current` added when it is not among them (a category typed into the URL). */
export function withCurrent(options: readonly CategoryOption[], current: string): CategoryOption[] {
  if (!current || options.some((c) => c.value === current)) return [...options];
  return [{ value: current, count: 0 }, ...options];
}

const DAY_MS = 86_400_000;

/**
 * A date the URL may hold as "YYYY" or "YYYY-MM" as the full day a date input shows: the first
 * day for the start of a range, the last for its end. Anything else is left out (the input
 * would drop it anyway).
 */
export function dateInputValue(value: string, end: "from" | "to"): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  if (/^\d{4}$/.test(value)) return end === "from" ? `${value}-01-01` : `${value}-12-31`;
  if (/^\d{4}-\d{2}$/.test(value)) {
    if (end === "from") return `${value}-01`;
    const [y, m] = value.split("-").map(Number) as [number, number];
    return new Date(Date.UTC(y, m, 1) - DAY_MS).toISOString().slice(0, 10);
  }
  return "";
}

export interface ListFilterProps {
  /** The list's address; the form's fields become its query. */
  action: string;
  /** Names the form for assistive technology, e.g. "Filter the search results". */
  label: string;
  categories: readonly CategoryOption[];
  cat: string;
  from: string;
  to: string;
  /** One day instead of a range (the curated list is one day's). */
  single?: boolean;
  /** Parameters the form keeps (the query, the sort order). */
  keep?: Record<string, string | undefined>;
  children?: Child;
}

export function ListFilter(props: ListFilterProps) {
  const options = withCurrent(props.categories, props.cat);
  return (
    <form class="list-filter" action={props.action} method="get" aria-label={props.label}>
      {Object.entries(props.keep ?? {}).map(([name, value]) => (value ? <input type="hidden" name={name} value={latin1Text(value)} /> : null))}
      <label class="filter-cat">
        <span>Category</span>
        <select name="cat">
          <option value="">All categories</option>
          {options.map((c) => (
            <option value={c.value} selected={c.value === props.cat}>
              {c.value}
            </option>
          ))}
        </select>
      </label>
      {props.single ? (
        <label>
          <span>Day</span>
          <input type="date" name="date" value={dateInputValue(props.from, "from")} />
        </label>
      ) : (
        <>
          <label>
            <span>From</span>
            <input type="date" name="from" value={dateInputValue(props.from, "from")} />
          </label>
          <label>
            <span>To</span>
            <input type="date" name="to" value={dateInputValue(props.to, "to")} />
          </label>
        </>
      )}
      {props.children}
      <button type="submit">Apply</button>
    </form>
  );
}
