/** The "Related papers" section of a paper page: a short list, server-rendered, no script. */
import { RichText } from "../components/rich-text.js";
import type { RelatedPaperView } from "./related-present.js";

export function RelatedPapers({ papers }: { papers: RelatedPaperView[] | undefined }) {
  if (!papers || papers.length === 0) return null;
  return (
    <section class="related-papers" aria-labelledby="related-heading">
      <h2 id="related-heading">Related papers</h2>
      <ol class="related-list">
        {papers.map((p) => (
          <li data-paper-id={p.id}>
            <a href={p.href}>
              <RichText text={p.title} />
            </a>
            <span class="muted">
              {" "}
              — {p.authors} · <time datetime={p.day}>{p.dayLabel}</time>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
