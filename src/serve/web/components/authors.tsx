/** Author names as links to their author pages; long lists show the first few and fold the rest. */
import { raw } from "hono/html";
import { escapeToBuffer } from "hono/utils/html";
import { authorHref } from "../format.js";

/** Names shown before "et al." in lists. */
const SHOWN = 3;

/**
 * The links, comma-separated, as one escaped string: a result page names some 120 authors, and
 * three JSX nodes each (fragment, component, link) were a good part of rendering its cards.
 */
export function joined(names: readonly string[]) {
  const out: [string] = [""];
  names.forEach((name, i) => {
    out[0] += i > 0 ? ', <a href="' : '<a href="';
    escapeToBuffer(authorHref(name), out);
    out[0] += '">';
    escapeToBuffer(name, out);
    out[0] += "</a>";
  });
  return raw(out[0]);
}

/** Compact form for lists: "A, B, C et al. (+12)" with the rest in a disclosure. */
export function AuthorList({ names }: { names: string[] }) {
  if (names.length <= SHOWN + 1) return <span class="authors">{joined(names)}</span>;
  const rest = names.slice(SHOWN);
  return (
    <span class="authors">
      {joined(names.slice(0, SHOWN))}{" "}
      <details class="more-authors">
        <summary>
          et al.<span class="visually-hidden">, show</span> (+{rest.length})
        </summary>
        <span class="rest">{joined(rest)}</span>
      </details>
    </span>
  );
}

/** Every author, for the paper page. */
export const AllAuthors = ({ names }: { names: string[] }) => (
  <p class="authors all-authors">{joined(names)}</p>
);
