/**
 * A list's feeds, visible in its sidebar: Atom, RSS and JSON Feed of the same list (the <head>
 * links of delivery-mount.tsx are for feed readers; these are for people).
 */
import type { Child } from "hono/jsx";

const FORMATS = [
  ["atom", "Atom"],
  ["rss", "RSS"],
  ["json", "JSON Feed"],
] as const;

export interface FeedOf {
  /** The feed's name under /feeds/ ("daily", "trending", "search"). */
  name: string;
  /** Its query string without "?", e.g. "q=diffusion" ("" for none). */
  query: string;
  /** What the feed holds, e.g. "Papers of July 1, 2026". */
  what: string;
}

export const feedHref = (feed: FeedOf, format: string) => `/feeds/${feed.name}.${format}${feed.query ? `?${feed.query}` : ""}`;

export function FeedLinks({ feed, heading = "Feeds", children }: { feed: FeedOf; heading?: string; children?: Child }) {
  return (
    <section class="side-part feed-links" aria-labelledby="feeds-heading">
      <h2 id="feeds-heading">{heading}</h2>
      <p>
        {feed.what}:{" "}
        {FORMATS.map(([format, label], i) => (
          <>
            {i > 0 && " · "}
            <a href={feedHref(feed, format)} rel="alternate">
              {label}
            </a>
          </>
        ))}
      </p>
      {children}
    </section>
  );
}
