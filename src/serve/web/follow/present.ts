/**
 * How paper events read on pages, in feeds and in mail ("v3 on 2026-03-02", "DOI added: …",
 * "Code: github.com/…", "Withdrawn"), and the view models of the follow pages.
 */
import type { PaperEvent } from "../../../store/event-types.js";
import type { FollowPrefs, User } from "../../../store/community-types.js";
import type { PaperSummary } from "../present/summary.js";

export interface EventView {
  id: number;
  paperId: string;
  /** "v3", "DOI added", "Code: github.com/a/b", "Withdrawn". */
  label: string;
  /** "YYYY-MM-DD" of the event. */
  day: string;
  /** A link for the detail (the DOI, the code), when there is one. */
  href: string | null;
  /** What follows the label: " on 2026-03-02", " · 2026-03-02". */
  suffix: string;
  /** The whole line: "v3 on 2026-03-02", "DOI added: 10.1/x · 2026-03-02". */
  text: string;
}

const withoutScheme = (url: string) => url.replace(/^https?:\/\//i, "");

function labelOf(e: PaperEvent): { label: string; href: string | null; on: boolean } {
  switch (e.kind) {
    case "version":
      return { label: e.detail, href: null, on: true };
    case "doi":
      return { label: `DOI added: ${e.detail}`, href: `https://doi.org/${e.detail}`, on: false };
    case "journal_ref":
      return { label: `Journal reference added: ${e.detail}`, href: null, on: false };
    case "code":
      return { label: `Code: ${withoutScheme(e.detail)}`, href: e.detail, on: false };
    case "withdrawn":
      return { label: `Withdrawn (${e.detail})`, href: null, on: true };
  }
}

export function presentEvent(e: PaperEvent): EventView {
  const day = e.date.slice(0, 10);
  const { label, href, on } = labelOf(e);
  const suffix = on ? ` on ${day}` : ` · ${day}`;
  return { id: e.id, paperId: e.paperId, day, label, href, suffix, text: `${label}${suffix}` };
}

export interface FollowedPaperView {
  paper: PaperSummary;
  followedAt: string;
  /** The paper's latest events, newest first (at most a few). */
  events: EventView[];
}

export interface FollowingView {
  viewer: User;
  /** Recent events of every followed paper, newest first, with the paper's title. */
  updates: Array<{ event: EventView; title: string; paperHref: string }>;
  papers: FollowedPaperView[];
  total: number;
  page: number;
  pages: number;
  /** Absolute URL of the member's secret Atom feed. */
  feedUrl: string;
  prefs: FollowPrefs;
  notice: string | null;
}
