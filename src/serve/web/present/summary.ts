/**
 * Shapes a Paper for a list entry (daily, new, search results): the title and excerpt as
 * segments ready for marks and math, the first authors, the day and the code links.
 */
import type { CardCommunity } from "./activity.js";
import type { CodeLink, Paper } from "../../../core/paper.js";
import type { Segment } from "../components/rich-text.js";
import { formatDay, paperHref } from "../format.js";
import { splitMath } from "../math.js";
import type { RepoStars } from "./stars.js";
import type { ThumbnailView } from "./thumbnails.js";

export interface PaperSummary {
  id: string;
  href: string;
  title: Segment[];
  authors: string[];
  /** Announced day, "YYYY-MM-DD", and how it reads. */
  day: string;
  dayLabel: string;
  primaryCategory: string;
  codeLinks: CodeLink[];
  /** A few lines of the abstract (in search: the best-matching passage). */
  excerpt: Segment[];
  /** The whole abstract, when the excerpt is not already all of it. */
  fullAbstract: Segment[] | null;
  /** The page needs KaTeX's stylesheet. */
  hasMath: boolean;
  /** First-page image; null: the placeholder; undefined: not asked (thumbnails off). Set by attachThumbnails. */
  thumbnail?: ThumbnailView | null;
  /** GitHub star counts of the page's repositories, by repository; set by attachStars. */
  stars?: RepoStars;
  /** Upvotes, comments, the viewer's vote and where "Save" goes; set by attachActivity where the community is mounted. */
  community?: CardCommunity;
}

/** How matched words are found; without one nothing is marked. */
export interface Marker {
  highlight(text: string): Segment[];
  snippet(text: string): Segment[];
}

const plain = (text: string): Segment[] => [{ text, match: false }];

/** LEAD_CHARS is about three lines of the reading column. */
const LEAD_CHARS = 260;

/** The abstract's beginning, cut at a word boundary outside any formula. */
export function leadOf(text: string, max = LEAD_CHARS): string {
  if (text.length <= max) return text;
  let out = "";
  for (const part of splitMath(text)) {
    const piece = part.kind === "text" ? part.text : part.source;
    if (out.length + piece.length <= max) {
      out += piece;
      continue;
    }
    if (part.kind === "text") {
      const room = piece.slice(0, max - out.length);
      const cut = room.lastIndexOf(" ");
      out += cut > 0 ? room.slice(0, cut) : "";
    }
    break;
  }
  return `${out.trimEnd().replace(/[,;:.]$/, "")}…`;
}

export function summarize(paper: Paper, marker?: Marker): PaperSummary {
  const abstract = paper.abstract.replace(/\n\n/g, " ");
  const excerpt = marker ? marker.snippet(abstract) : plain(leadOf(abstract));
  const excerptText = excerpt.map((s) => s.text).join("");
  const isWhole = excerptText.trim() === abstract.trim();
  return {
    id: paper.id,
    href: paperHref(paper.id),
    title: marker ? marker.highlight(paper.title) : plain(paper.title),
    authors: paper.authors.map((a) => a.name),
    day: paper.announced,
    dayLabel: formatDay(paper.announced),
    primaryCategory: paper.primaryCategory,
    codeLinks: paper.codeLinks,
    excerpt,
    fullAbstract: isWhole ? null : marker ? marker.highlight(abstract) : plain(abstract),
    hasMath: /[$\\]/.test(paper.title + abstract),
  };
}
