/**
 * The search page's form as one query of the query language, for what keeps a search: its feed
 * (`/feeds/search.atom?q=`) and a digest's saved search. The category becomes `cat:`; the date
 * range and "Has code" are left out (a kept search is about papers still to come, and the query
 * language has no operator for code).
 */
import type { SearchForm } from "./form.js";

export function savedQueryOf(form: Pick<SearchForm, "q" | "cat">): string {
  const parts = [form.q.trim()];
  if (form.cat && !/\bcat:/.test(form.q)) parts.push(`cat:${form.cat}`);
  return parts.filter(Boolean).join(" ");
}
