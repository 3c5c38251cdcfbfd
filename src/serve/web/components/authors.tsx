/** Author names as links to their author pages; long lists show the first few and fold the rest. */
import { authorHref } from "../format.js";

/** Names shown before "et al." in lists. */
const SHOWN = 3;

const AuthorLink = ({ name }: { name: string }) => <a href={authorHref(name)}>{name}</a>;

function joined(names: string[]) {
  return names.map((name, i) => (
    <>
      {i > 0 && ", "}
      <AuthorLink name={name} />
    </>
  ));
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
