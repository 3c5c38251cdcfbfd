/** Notes above search results: a respelled query to try, and a strict query answered relaxed. */
import type { SearchView } from "./present.js";
import { chars, latin1Text } from "../components/html-string.js";

const quoted = (texts: string[]) => texts.map((t) => `“${t}”`).join(", ");

export function DidYouMean({ view }: { view: SearchView }) {
  if (!view.didYouMean) return null;
  if (view.respelled) {
    return (
      <p class="did-you-mean" role="note">
        No paper matches {chars.ldquo}
        {latin1Text(view.respelled.typed)}
        {chars.rdquo}; showing results for{" "}
        <a href={view.didYouMean.href}>
          <em>{view.didYouMean.text}</em>
        </a>
        . <a href={view.respelled.exactHref}>Search exactly for {chars.ldquo}{latin1Text(view.respelled.typed)}{chars.rdquo}</a>
      </p>
    );
  }
  return (
    <p class="did-you-mean">
      Did you mean{" "}
      <a href={view.didYouMean.href}>
        <em>{view.didYouMean.text}</em>
      </a>
      ?
    </p>
  );
}

export function RelaxedNotice({ view }: { view: SearchView }) {
  const relaxed = view.relaxed;
  if (!relaxed) return null;
  const what =
    relaxed.phrases.length > 0
      ? `No paper has the exact phrase ${quoted(relaxed.phrases)}`
      : `No paper has all of ${quoted(relaxed.words)}`;
  return (
    <p class="relaxed-notice" role="note">
      {latin1Text(what)}; showing papers with these words.
    </p>
  );
}
