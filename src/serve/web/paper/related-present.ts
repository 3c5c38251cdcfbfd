/** Data for the "Related papers" section of a paper page (query-by-example, src/search/related.ts). */
import type { Paper } from "../../../core/paper.js";
import { relatedPapers, type RelatedRanker } from "../../../search/related.js";
import type { SearchEngine } from "../../../search/types.js";
import type { Store } from "../../../store/types.js";
import { formatDay, paperHref } from "../format.js";
import { hasMath } from "../math.js";

/** Papers the section lists. */
export const RELATED_ON_PAGE = 8;
/** Authors named per paper; more read "et al.". */
const AUTHORS_SHOWN = 3;

export interface RelatedPaperView {
  id: string;
  href: string;
  title: string;
  authors: string;
  dayLabel: string;
  day: string;
  /** The title holds TeX math: the page needs KaTeX's stylesheet. */
  hasMath: boolean;
}

export async function presentRelated(
  deps: { store: Store; search: SearchEngine; semantic?: RelatedRanker },
  paper: Paper,
): Promise<RelatedPaperView[]> {
  const ranked = relatedPapers(deps.search, paper, { limit: RELATED_ON_PAGE, semantic: deps.semantic });
  const papers = await deps.store.getPapers(ranked.map((r) => r.id));
  return papers.map((p) => ({
    id: p.id,
    href: paperHref(p.id),
    title: p.title,
    authors:
      p.authors.slice(0, AUTHORS_SHOWN).map((a) => a.name).join(", ") + (p.authors.length > AUTHORS_SHOWN ? " et al." : ""),
    day: p.announced,
    dayLabel: formatDay(p.announced),
    hasMath: hasMath(p.title),
  }));
}
