/**
 * The markup added to finished pages: feed and OpenSearch links for the <head>, and the subscribe
 * box (the site's one call to action). Inline style attributes only: the CSP allows those, and
 * the box then needs nothing from the shared stylesheet.
 */
import { SubscribeForm } from "./pages.js";
import { latin1Html } from "../../latin1.js";
import { escaped } from "../components/html-string.js";

const TYPES = [
  ["atom", "application/atom+xml"],
  ["rss", "application/rss+xml"],
  ["json", "application/feed+json"],
] as const;

/** <link> tags for a page: its feeds in three formats, and the OpenSearch description. */
export function headLinks(path: string, params: URLSearchParams): string {
  const q = params.get("q")?.trim();
  const day = params.get("day");
  const feed =
    path === "/search"
      ? q
        ? { name: "search", query: `?q=${encodeURIComponent(q)}`, title: `Papers matching ${q}` }
        : null
      : {
          name: "daily",
          query: day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? `?day=${day}` : "",
          title: "Papers of the day",
        };
  const links = feed
    ? TYPES.map(
        ([ext, type]) =>
          `<link rel="alternate" type="${type}" title="${escaped(feed.title)} (${ext})" href="/feeds/${feed.name}.${ext}${escaped(feed.query)}">`,
      )
    : [];
  links.push(
    '<link rel="alternate" type="application/atom+xml" title="Trending papers" href="/feeds/trending.atom">',
  );
  links.push(
    '<link rel="search" type="application/opensearchdescription+xml" title="paperfeed" href="/opensearch.xml">',
  );
  // A query may hold any character: the page stays Latin-1 (src/serve/latin1.ts).
  return latin1Html(links.join(""));
}

export function subscribeBox(): string {
  const box = (
    <div class="column">
      <aside
        aria-labelledby="subscribe-heading"
        style="border:1px solid color-mix(in srgb, currentColor 20%, transparent);border-radius:8px;padding:1rem 1.25rem;margin:2rem 0 1rem 0"
      >
        <h2 id="subscribe-heading" style="margin-top:0">
          Get trending papers in your email inbox!
        </h2>
        <p style="margin:0">
          Daily or weekly, with the papers matching your saved searches. Only an email address needed.
        </p>
        <SubscribeForm />
      </aside>
    </div>
  );
  return box.toString();
}
