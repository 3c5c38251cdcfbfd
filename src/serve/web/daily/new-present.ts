/** Data for `/new`: the most recently announced papers as one continuous, paged stream. */
import type { Store } from "../../../store/types.js";
import type { Paging } from "../components/pager.js";
import { countNoun } from "../format.js";
import { pageCount, parsePage } from "../present/query.js";
import { type PaperSummary, summarize } from "../present/summary.js";

export const NEW_PAGE_SIZE = 25;
/** Older papers are found by search or the daily pages; deep offsets only cost the database. */
const MAX_PAGES = 40;
const ALL_DAYS = ["0000-01-01", "9999-12-31"] as const;

export interface NewestView {
  papers: PaperSummary[];
  start: number;
  countLabel: string;
  paging: Paging;
  hasMath: boolean;
}

export async function presentNewest(store: Store, rawPage: string | undefined): Promise<NewestView> {
  const total = await store.countPapers();
  const pages = Math.min(MAX_PAGES, pageCount(total, NEW_PAGE_SIZE));
  const page = Math.min(parsePage(rawPage), pages);
  const offset = (page - 1) * NEW_PAGE_SIZE;
  const papers = (await store.listAnnounced(...ALL_DAYS, { limit: NEW_PAGE_SIZE, offset })).map((p) =>
    summarize(p),
  );
  return {
    papers,
    start: offset + 1,
    countLabel: countNoun(total, "paper"),
    paging: { page, pages, href: (p) => (p > 1 ? `/new?page=${p}` : "/new") },
    hasMath: papers.some((p) => p.hasMath),
  };
}
