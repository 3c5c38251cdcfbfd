/** One paper in a list: title, authors · day · category · code, a few lines of abstract. */
import type { PaperSummary } from "../present/summary.js";
import { AuthorList } from "./authors.js";
import { CodeIcons } from "./code-links.js";
import { RichText } from "./rich-text.js";
import { Thumbnail } from "./thumbnail.js";

export const CategoryChip = ({ category }: { category: string }) => (
  <a
    class="chip"
    href={`/search?cat=${encodeURIComponent(category)}&sort=newest`}
    title={`Newest in ${category}`}
  >
    {category}
  </a>
);

interface ItemOptions {
  /** The title's heading level: 2 under the page heading, 3 under day headings. */
  level?: 2 | 3;
  /** Show the announced day (lists already grouped by day leave it out). */
  showDay?: boolean;
}

export function PaperItem({ paper, level = 2, showDay = true }: { paper: PaperSummary } & ItemOptions) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <article class="paper" data-paper-id={paper.id}>
      <Thumbnail thumbnail={paper.thumbnail} title={paper.title.map((s) => s.text).join("")} category={paper.primaryCategory} class="paper-thumb" />
      <Heading class="paper-title">
        <a href={paper.href}>
          <RichText segments={paper.title} links={false} />
        </a>
      </Heading>
      <div class="paper-meta">
        <AuthorList names={paper.authors} />
        <span class="meta-row">
          {showDay && <time datetime={paper.day}>{paper.dayLabel}</time>}
          <CategoryChip category={paper.primaryCategory} />
          <CodeIcons links={paper.codeLinks} stars={paper.stars} />
        </span>
      </div>
      <p class="excerpt">
        <RichText segments={paper.excerpt} />
      </p>
      {paper.fullAbstract && (
        <details class="full-abstract">
          <summary>Full abstract</summary>
          <p>
            <RichText segments={paper.fullAbstract} />
          </p>
        </details>
      )}
    </article>
  );
}

export function PaperList(props: { papers: PaperSummary[]; label: string; start?: number } & ItemOptions) {
  return (
    <ol class="paper-list" aria-label={props.label} start={props.start}>
      {props.papers.map((paper) => (
        <li>
          <PaperItem paper={paper} level={props.level} showDay={props.showDay} />
        </li>
      ))}
    </ol>
  );
}
