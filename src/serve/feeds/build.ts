/**
 * One list of papers as Atom, RSS 2.0 or JSON Feed, built with the `feed` package (it writes all
 * three formats from one description and escapes correctly). Ids are stable: a feed's id is its
 * URL without the format, an entry's id is the paper's page URL, so readers never see a paper
 * twice when a feed is re-fetched or switched between formats.
 */
import { Feed } from "feed";
import type { Paper } from "../../core/paper.js";
import { latexTextToPlain } from "../../core/latex/text.js";

export const FEED_FORMATS = {
  atom: "application/atom+xml; charset=utf-8",
  rss: "application/rss+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
} as const;
export type FeedFormat = keyof typeof FEED_FORMATS;

export interface FeedInput {
  title: string;
  description: string;
  /** Absolute URL of the feed without its format extension, e.g. https://x.org/feeds/daily. */
  feedBase: string;
  /** Query string kept on every format's URL ("" or "?q=…"). */
  query: string;
  /** The HTML page showing the same list. */
  pageUrl: string;
  /** Site base URL for entry links. */
  base: string;
  papers: readonly Paper[];
  /** The query string of the next page ("?day=…&page=2"), when the list goes on (RFC 5005 paging). */
  nextQuery?: string | null;
}

const paperUrl = (base: string, id: string) =>
  `${base}/papers/${id.split("/").map(encodeURIComponent).join("/")}`;
const dateOf = (p: Paper) => new Date(p.updated ?? p.submitted ?? `${p.announced}T00:00:00Z`);

export function buildFeed(input: FeedInput, format: FeedFormat): string {
  const links = Object.fromEntries(
    (Object.keys(FEED_FORMATS) as FeedFormat[]).map((f) => [f, `${input.feedBase}.${f}${input.query}`]),
  );
  const newest = input.papers.reduce((max, p) => Math.max(max, dateOf(p).getTime()), 0);
  const feed = new Feed({
    id: `${input.feedBase}${input.query}`,
    title: input.title,
    description: input.description,
    link: input.pageUrl,
    updated: new Date(newest || Date.parse("2007-04-02T00:00:00Z")),
    generator: "paperfeed",
    language: "en",
    feedLinks: links,
    copyright: "Metadata from arXiv; each paper under its own licence",
  });
  for (const p of input.papers) {
    const url = paperUrl(input.base, p.id);
    feed.addItem({
      // Feed readers show text: `\emph{…}`, `91\%` and `--` arrive as words, not as typed (math stays as written).
      title: latexTextToPlain(p.title),
      id: url,
      link: url,
      description: latexTextToPlain(p.abstract),
      author: p.authors.slice(0, 20).map((a) => ({ name: a.name })),
      date: dateOf(p),
      published: new Date(`${p.announced}T00:00:00Z`),
      category: p.categories.map((c) => ({ name: c, term: c })),
    });
  }
  const text = format === "atom" ? feed.atom1() : format === "rss" ? feed.rss2() : feed.json1();
  return input.nextQuery ? withNextLink(text, format, `${input.feedBase}.${format}${input.nextQuery}`) : text;
}

const xmlAttr = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * The `feed` package writes no link to a next page, so it goes in beside the self link: Atom's
 * `<link rel="next">`, RSS's `<atom:link rel="next">` (RFC 5005) and JSON Feed's `next_url`.
 */
function withNextLink(text: string, format: FeedFormat, next: string): string {
  if (format === "json") return JSON.stringify({ ...JSON.parse(text), next_url: next }, null, 4);
  const self = format === "atom" ? /<link rel="self" href="[^"]*"\/>/ : /<atom:link href="[^"]*" rel="self" type="[^"]*"\/>/;
  const link = format === "atom" ? `<link rel="next" href="${xmlAttr(next)}"/>` : `<atom:link href="${xmlAttr(next)}" rel="next" type="${FEED_FORMATS.rss.split(";")[0]}"/>`;
  return text.replace(self, (m) => `${m}\n        ${link}`);
}
