/** One paper in a list: title, authors · day · category · code, a few lines of abstract. */
import type { PaperSummary } from "../present/summary.js";
import { AuthorList } from "./authors.js";
import { CodeIcons } from "./code-links.js";
import { RichText } from "./rich-text.js";
import type { Child } from "hono/jsx";
import { CommentIcon } from "./icons.js";
import { Thumbnail } from "./thumbnail.js";
import { VoteButton } from "../vote-button.js";
import { SaveButton } from "./save-button.js";
import type { CardCommunity } from "../present/activity.js";

export const CategoryChip = ({ category }: { category: string }) => (
  <a
    class="chip"
    href={`/search?cat=${encodeURIComponent(category)}&sort=newest`}
    title={`Newest in ${category}`}
  >
    {category}
  </a>
);

/** Upvote, comment count and Save, in one row under the text, the count beside its arrow. */
function CardActions({ paper, community }: { paper: PaperSummary; community: CardCommunity }) {
  const comments = `${community.comments} comment${community.comments === 1 ? "" : "s"}`;
  return (
    <div class="card-actions">
      <VoteButton paperId={paper.id} votes={community.votes} voted={community.voted} back={community.back} />
      <a class="comment-count" href={`${paper.href}#comments`} aria-label={comments}>
        <CommentIcon />
        <span aria-hidden="true">{community.comments}</span>
      </a>
      <SaveButton paperId={paper.id} target={community.saveTo} back={community.back} />
    </div>
  );
}

interface ItemOptions {
  /** The title's heading level: 2 under the page heading, 3 under day headings. */
  level?: 2 | 3;
  /** Show the announced day (lists already grouped by day leave it out). */
  showDay?: boolean;
}

export function PaperItem({ paper, level = 2, showDay = true, children }: { paper: PaperSummary; children?: Child } & ItemOptions) {
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
      {paper.community && <CardActions paper={paper} community={paper.community} />}
      {children}
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
