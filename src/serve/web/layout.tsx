/**
 * The frame around every page: top bar with the name, the always-visible search box and the
 * section links on one line from 1,024 px, then the page: a reading column, and on list pages a
 * sidebar beside it (filters, feeds) that sits between the heading and the list on narrow screens.
 * The script is an external file (the CSP allows no inline script) and only enhances: every link
 * and form works without it.
 */
import type { Child } from "hono/jsx";
import { raw } from "hono/html";
import { latin1Text } from "./components/html-string.js";
import { assetUrls } from "../static.js";
import { AccountNav, sectionsFor } from "./community-nav.js";

export type Section = "daily" | "curated" | "trending" | "for-you" | "new" | "search" | "help" | "account" | null;

export interface Frame {
  /** Page title without the site name. */
  title: string;
  /** Which top-bar link is the current page. */
  section?: Section;
  /** Text already in the search box (the current query). */
  query?: string;
  /** Load KaTeX's stylesheet (the page has rendered math). */
  math?: boolean;
  /** Meta description for link previews. */
  description?: string;
  /** Canonical URL path, when the page is reachable under several. */
  canonical?: string;
  /** The page heading block; with a sidebar it comes first, the sidebar next to it and the rest below. */
  head?: Child;
  /** Filters and feeds beside the reading column (below the heading on narrow screens). */
  sidebar?: Child;
}

const NAV: Array<{ section: Exclude<Section, null>; href: string; label: string }> = [
  { section: "daily", href: "/", label: "Daily" },
  { section: "new", href: "/new", label: "New" },
];

/** For pages that do not describe themselves (link previews and search engines read it). */
const DEFAULT_DESCRIPTION = "paperfeed: new arXiv papers every day, trending papers and full-text search of titles, abstracts and authors.";

/** The keys enhance.js answers, listed in a dialog that `?` opens (the help page lists them too). */
export const SHORTCUTS: Array<[string, string]> = [
  ["/", "Jump to the search box"],
  ["j / k", "Next / previous paper in a list"],
  ["Enter", "Open the paper in focus"],
  ["↓ / ↑", "In the search box: move through the suggestions"],
  ["?", "Show these shortcuts"],
  ["Esc", "Close this dialog or the suggestions"],
];

/** The keys as HTML, written once: "↓ / ↑" kept to Latin-1 (src/serve/latin1.ts). */
const SHORTCUT_KEYS = SHORTCUTS.map(([keys]) => latin1Text(keys));

function ShortcutsDialog() {
  return (
    <dialog id="shortcuts" class="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map(([, what], i) => (
          <>
            <dt>
              <kbd>{SHORTCUT_KEYS[i]}</kbd>
            </dt>
            <dd>{what}</dd>
          </>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}

export function Layout(props: Frame & { children?: Child }) {
  return (
    <>
      {raw("<!doctype html>")}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light dark" />
          {/* Titles and the search box echo what was typed: kept to Latin-1 (src/serve/latin1.ts). */}
          <title>{latin1Text(props.title === "paperfeed" ? "paperfeed" : `${props.title} · paperfeed`)}</title>
          <meta name="description" content={latin1Text(props.description ?? DEFAULT_DESCRIPTION)} />
          {props.canonical && <link rel="canonical" href={props.canonical} />}
          <link rel="icon" href={assetUrls.icon} type="image/svg+xml" />
          <link rel="stylesheet" href={assetUrls.style} />
          {props.math && <link rel="stylesheet" href={assetUrls.katexCss} />}
          <script src={assetUrls.script} defer></script>
        </head>
        <body>
          <a class="skip-link" href="#main">
            Skip to content
          </a>
          <header class="topbar">
            <div class="topbar-inner">
              <a class="brand" href="/">
                paperfeed
              </a>
              <nav class="sections" aria-label="Sections">
                {sectionsFor(NAV).map((item) => (
                  <a href={item.href} aria-current={props.section === item.section ? "page" : undefined}>
                    {item.label}
                  </a>
                ))}
              </nav>
              <form class="searchbox" action="/search" method="get" role="search">
                <label class="visually-hidden" for="site-q">
                  Search papers
                </label>
                <input
                  id="site-q"
                  name="q"
                  type="search"
                  value={latin1Text(props.query ?? "")}
                  placeholder="Search papers, authors, ids"
                  autocomplete="off"
                  aria-keyshortcuts="/"
                  data-suggest="/search/suggest"
                />
                <button type="submit">Search</button>
              </form>
              <AccountNav />
            </div>
          </header>
          <main id="main" class={props.sidebar ? "column has-sidebar" : "column"} tabindex={-1}>
            {props.sidebar ? (
              <>
                <div class="page-top">{props.head}</div>
                <aside class="sidebar" aria-label="Filters and feeds">
                  {props.sidebar}
                </aside>
                <div class="page-body">{props.children}</div>
              </>
            ) : (
              <div class="reading">
                {props.head}
                {props.children}
              </div>
            )}
          </main>
          <footer class="column footer">
            <p>
              paperfeed · metadata from <a href="https://arxiv.org">arXiv</a> ·{" "}
              <a href="/help/search">Search help</a> ·{" "}
              <a href="/help/search#shortcuts" data-shortcuts="">
                Keyboard shortcuts
              </a>{" "}
              <kbd>?</kbd>
            </p>
          </footer>
          <ShortcutsDialog />
        </body>
      </html>
    </>
  );
}
