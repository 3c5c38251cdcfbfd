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
import { raw } from "hono/html";
import { escaped, htmlOf } from "./html-string.js";
import { latin1Html } from "../../latin1.js";

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
function cardActionsHtml(paper: PaperSummary, community: CardCommunity): string {
  const comments = `${community.comments} comment${community.comments === 1 ? "" : "s"}`;
  const vote = htmlOf(VoteButton({ paperId: paper.id, votes: community.votes, voted: community.voted, back: community.back }));
  const save = htmlOf(SaveButton({ paperId: paper.id, target: community.saveTo, back: community.back }));
  return (
    `<div class="card-actions">${vote}<a class="comment-count" href="${escaped(`${paper.href}#comments`)}" aria-label="${escaped(comments)}">` +
    `${htmlOf(<CommentIcon />)}<span aria-hidden="true">${community.comments}</span></a>${save}</div>`
  );
}

interface ItemOptions {
  /** The title's heading level: 2 under the page heading, 3 under day headings. */
  level?: 2 | 3;
  /** Show the announced day (lists already grouped by day leave it out). */
  showDay?: boolean;
}

/**
 * One card as an escaped string. Made as JSX, its twenty-odd elements were most of the time a
 * results page spent rendering (0.6 ms for 20 cards, at 1M papers); the JSX it replaced is the
 * model its property test holds it to (paper-item.test.tsx). Parts that vary more (thumbnail,
 * code links, math in the text) are still rendered by their components.
 */
function paperItemHtml(paper: PaperSummary, level: 2 | 3, showDay: boolean, children: string): string {
  const heading = level === 2 ? "h2" : "h3";
  const thumbnail = htmlOf(
    <Thumbnail thumbnail={paper.thumbnail} title={paper.title.map((s) => s.text).join("")} category={paper.primaryCategory} class="paper-thumb" />,
  );
  const day = showDay ? `<time datetime="${escaped(paper.day)}">${escaped(paper.dayLabel)}</time>` : "";
  const fullAbstract = paper.fullAbstract
    ? `<details class="full-abstract"><summary>Full abstract</summary><p>${htmlOf(<RichText segments={paper.fullAbstract} />)}</p></details>`
    : "";
  // Kept to Latin-1, so that a page of cards stays a one-byte string (src/serve/latin1.ts).
  return latin1Html(
    `<article class="paper" data-paper-id="${escaped(paper.id)}">${thumbnail}` +
    `<${heading} class="paper-title"><a href="${escaped(paper.href)}">${htmlOf(<RichText segments={paper.title} links={false} />)}</a></${heading}>` +
    `<div class="paper-meta">${htmlOf(<AuthorList names={paper.authors} />)}<span class="meta-row">${day}${htmlOf(<CategoryChip category={paper.primaryCategory} />)}` +
    `${htmlOf(<CodeIcons links={paper.codeLinks} stars={paper.stars} />)}</span></div>` +
    `<p class="excerpt">${htmlOf(<RichText segments={paper.excerpt} />)}</p>${fullAbstract}` +
    `${paper.community ? cardActionsHtml(paper, paper.community) : ""}${children}</article>`
  );
}

export function PaperItem({ paper, level = 2, showDay = true, children }: { paper: PaperSummary; children?: Child } & ItemOptions) {
  return raw(paperItemHtml(paper, level, showDay, children === undefined ? "" : htmlOf(<>{children}</>)));
}

export function PaperList(props: { papers: PaperSummary[]; label: string; start?: number } & ItemOptions) {
  let items = "";
  for (const paper of props.papers) items += `<li>${paperItemHtml(paper, props.level ?? 2, props.showDay ?? true, "")}</li>`;
  return (
    <ol class="paper-list" aria-label={props.label} start={props.start}>
      {raw(items)}
    </ol>
  );
}
