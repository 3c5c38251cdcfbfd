/**
 * The search page's parameters: parsed from the URL once, validated, and turned back into URLs
 * for paging, sorting and removing a filter. Parameter names: q, cat, from, to, code, sort, page,
 * exact (search the words as typed even when they match nothing and a respelling would).
 */
import { z } from "zod";
import type { SearchFilters, SortOrder } from "../../../search/types.js";
import { parseCategory, parsePage } from "../present/query.js";

export interface SearchForm {
  q: string;
  /** One category or archive ("cs.LG", "hep-th", "cs"); "" for all. */
  cat: string;
  /** Announced from / to: "YYYY", "YYYY-MM" or "YYYY-MM-DD"; "" when open. */
  from: string;
  to: string;
  code: boolean;
  /** "" means the default: relevance with a query, newest without. */
  sort: "" | SortOrder;
  page: number;
  /** The words as typed, never replaced by their "Did you mean" respelling. */
  exact: boolean;
}

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const text = (max: number) => z.string().trim().max(max).catch("");

const schema = z.object({
  q: z
    .string()
    .catch("")
    .transform((q) => q.slice(0, 1000)),
  cat: z.string().optional().transform(parseCategory),
  from: text(10),
  to: text(10),
  code: z
    .string()
    .optional()
    .transform((v) => v === "1" || v === "on" || v === "true"),
  sort: z.enum(["relevance", "newest", "oldest"]).optional().catch(undefined),
  exact: z
    .string()
    .optional()
    .transform((v) => v === "1"),
});

/** Parses the URL query; the messages name each date that is not one. */
export function parseSearchForm(query: Record<string, string | undefined>): {
  form: SearchForm;
  problems: string[];
} {
  const parsed = schema.parse(query);
  const problems: string[] = [];
  for (const name of ["from", "to"] as const) {
    if (parsed[name] && !DATE.test(parsed[name])) {
      problems.push(`"${parsed[name]}" is not a date for "${name}" (use YYYY, YYYY-MM or YYYY-MM-DD)`);
    }
  }
  const form: SearchForm = {
    ...parsed,
    q: parsed.q.trim(),
    sort: parsed.sort ?? "",
    page: parsePage(query.page),
  };
  return { form, problems };
}

export function filtersOf(form: SearchForm): SearchFilters {
  const filters: SearchFilters = {};
  if (form.cat) filters.categories = [form.cat];
  if (form.from) filters.from = form.from;
  if (form.to) filters.to = form.to;
  if (form.code) filters.hasCode = true;
  return filters;
}

export const hasFilters = (form: SearchForm) => Boolean(form.cat || form.from || form.to || form.code);

/** URL of the search page with `changes` applied; paging restarts unless `page` is given. */
export function searchHref(form: SearchForm, changes: Partial<SearchForm> = {}): string {
  const next = { ...form, page: 1, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.cat) params.set("cat", next.cat);
  if (next.from) params.set("from", next.from);
  if (next.to) params.set("to", next.to);
  if (next.code) params.set("code", "1");
  if (next.sort) params.set("sort", next.sort);
  if (next.page > 1) params.set("page", String(next.page));
  if (next.exact) params.set("exact", "1");
  const query = params.toString();
  return query ? `/search?${query}` : "/search";
}
