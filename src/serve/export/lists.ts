/**
 * The lists a reader can export, named by `list=`: one paper (`id`), a search (`q` with the
 * search page's filters `cat`, `from`, `to`, `code`, `sort`; its best EXPORT_SEARCH_MAX results) or
 * a daily list (`date`, `week` or `month`, optionally `cat`; at most EXPORT_PERIOD_MAX papers),
 * a collection (`id`; public ones, or the token owner's own) or the token owner's upvotes
 * (`list=upvotes`, with `Authorization: Bearer pf_…`).
 */
import { z } from "zod";
import { requireArxivId } from "../../core/arxiv-id.js";
import { PaperfeedError } from "../../core/errors.js";
import type { Paper } from "../../core/paper.js";
import type { SearchEngine } from "../../search/types.js";
import type { CommunityStore, User } from "../../store/community-types.js";
import type { Store } from "../../store/types.js";
import { visibleCollection } from "../../actions/community/engage.js";
import { invalidParameters } from "../api/common/errors.js";
import { searchRequestOf, SearchQuery } from "../api/search/routes.js";
import { type Period, dayPeriod, monthPeriod, weekPeriod } from "../web/present/periods.js";

/** Search results one export holds (the engine's page limit). */
export const EXPORT_SEARCH_MAX = 200;
/** Papers one export of a day, week or month holds (the store's page limit). */
export const EXPORT_PERIOD_MAX = 1000;

export const ExportQuery = z.object({
  list: z.enum(["paper", "search", "day", "collection", "upvotes"]),
  format: z.enum(["bib", "ris", "csl"]),
  id: z.string().max(200).optional(),
  date: z.string().optional(),
  week: z.string().optional(),
  month: z.string().optional(),
});

export interface ExportList {
  /** File name without extension, e.g. "arxiv-2401.01234", "search", "2024-01-15". */
  name: string;
  papers: Paper[];
}

export interface ExportDeps {
  store: Store;
  search: SearchEngine;
  community: () => Promise<CommunityStore>;
}

function periodOf(q: z.infer<typeof ExportQuery>): Period | null {
  if (q.date) return dayPeriod(q.date);
  if (q.week) return weekPeriod(q.week);
  if (q.month) return monthPeriod(q.month);
  return null;
}

async function periodPapers(deps: ExportDeps, period: Period, cat: string | undefined): Promise<Paper[]> {
  if (!cat) return deps.store.listAnnounced(period.from, period.to, { limit: EXPORT_PERIOD_MAX });
  const result = deps.search.search({ q: "", sort: "newest", limit: EXPORT_SEARCH_MAX, filters: { categories: [cat], from: period.from, to: period.to } });
  return deps.store.getPapers(result.hits.map((h) => h.id));
}

/** A collection's or a member's upvoted papers; `viewer` is the API token's owner, if any. */
async function memberList(deps: ExportDeps, q: z.infer<typeof ExportQuery>, viewer: User | null): Promise<ExportList> {
  const community = await deps.community();
  if (q.list === "upvotes") {
    if (!viewer) throw new PaperfeedError("serve", "unauthorized", 'list=upvotes needs "Authorization: Bearer pf_…" with your API token', 401);
    return { name: "upvotes", papers: await deps.store.getPapers(await community.userVotes(viewer.id, EXPORT_PERIOD_MAX)) };
  }
  if (!/^[1-9]\d{0,14}$/.test(q.id ?? "")) throw invalidParameters([{ path: ["id"], message: "expected a collection number" }]);
  const collection = await visibleCollection({ community, store: deps.store }, viewer, Number(q.id));
  const items = await community.collectionItems(collection.id);
  return { name: `collection-${collection.id}`, papers: await deps.store.getPapers(items.map((i) => i.paperId)) };
}

/** The papers `query` names, in list order; a PaperfeedError for bad or missing parameters. */
export async function exportList(deps: ExportDeps, query: Record<string, string>, viewer: User | null = null): Promise<ExportList> {
  const parsed = ExportQuery.safeParse(query);
  if (!parsed.success) throw invalidParameters(parsed.error.issues);
  const q = parsed.data;
  if (q.list === "collection" || q.list === "upvotes") return memberList(deps, q, viewer);
  if (q.list === "paper") {
    const { id } = requireArxivId(q.id ?? "");
    const paper = await deps.store.getPaper(id);
    if (!paper) throw new PaperfeedError("serve", "paper_not_found", `paper ${id} not found`, 404);
    return { name: `arxiv-${id.replace("/", "-")}`, papers: [paper] };
  }
  if (q.list === "search") {
    const search = SearchQuery.safeParse({ ...query, limit: undefined, offset: undefined });
    if (!search.success) throw invalidParameters(search.error.issues);
    const result = deps.search.search({ ...searchRequestOf(search.data), limit: EXPORT_SEARCH_MAX });
    return { name: "search", papers: await deps.store.getPapers(result.hits.map((h) => h.id)) };
  }
  const period = periodOf(q);
  if (!period) throw invalidParameters([{ path: ["date"], message: "give date, week or month" }]);
  return { name: period.key, papers: await periodPapers(deps, period, query.cat || undefined) };
}
