/** Numbered paging as plain links: ‹ Previous 1 … 4 5 [6] 7 8 … 40 Next ›. */
import { chars } from "./html-string.js";

export interface Paging {
  /** 1-based current page. */
  page: number;
  pages: number;
  /** URL of a page. */
  href: (page: number) => string;
}

/** Page numbers to show: first, last, and two either side of the current one. */
export function pageWindow(page: number, pages: number): Array<number | null> {
  const wanted = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2]);
  const sorted = [...wanted].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const p of sorted) {
    const prev = out.at(-1);
    if (typeof prev === "number" && p - prev > 1) out.push(null);
    out.push(p);
  }
  return out;
}

export function Pager({ paging }: { paging: Paging }) {
  const { page, pages, href } = paging;
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {page > 1 ? (
        <a class="pager-step" href={href(page - 1)} rel="prev">
          {chars.lsaquo} Previous
        </a>
      ) : (
        <span class="pager-step disabled">{chars.lsaquo} Previous</span>
      )}
      <span class="pager-numbers">
        {pageWindow(page, pages).map((p) =>
          p === null ? (
            <span class="gap">{chars.hellip}</span>
          ) : p === page ? (
            <span class="current" aria-current="page">
              <span class="visually-hidden">Page </span>
              {p}
            </span>
          ) : (
            <a href={href(p)}>
              <span class="visually-hidden">Page </span>
              {p}
            </a>
          ),
        )}
      </span>
      {page < pages ? (
        <a class="pager-step" href={href(page + 1)} rel="next">
          Next {chars.rsaquo}
        </a>
      ) : (
        <span class="pager-step disabled">Next {chars.rsaquo}</span>
      )}
    </nav>
  );
}
