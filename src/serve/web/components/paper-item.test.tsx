import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Child } from "hono/jsx";
import type { CodeLinkKind } from "../../../core/paper.js";
import type { PaperSummary } from "../present/summary.js";
import { AuthorList } from "./authors.js";
import { CodeIcons } from "./code-links.js";
import { CommentIcon } from "./icons.js";
import { CategoryChip, PaperItem, PaperList } from "./paper-item.js";
import { RichText } from "./rich-text.js";
import { SaveButton } from "./save-button.js";
import { Thumbnail } from "./thumbnail.js";
import type { CardCommunity } from "../present/activity.js";
import { raw } from "hono/html";
import { latin1Html } from "../../latin1.js";
import { isLatin1 } from "../../testing/fixture-app.js";

// The card as it was written in JSX, one node per element: the string the card must equal. The
// tests run without a viewer, so the vote is the signed-out link, as it was written in JSX too.
const VoteModel = ({ votes, back }: { votes: number; back: string }) => (
  <a class="vote-static" href={`/account/signin?next=${encodeURIComponent(back)}`} title="Sign in to upvote">
    <span aria-hidden="true">▲</span>
    <span class="count">{votes}</span>
    <span class="visually-hidden">upvotes; sign in to upvote</span>
  </a>
);

const SaveModel = ({ paperId, target, back }: { paperId: string; target: CardCommunity["saveTo"]; back: string }) =>
  target ? (
    <SaveButton paperId={paperId} target={target} back={back} />
  ) : (
    <a class="save-link" href={`/account/signin?next=${encodeURIComponent(back)}`}>
      Save<span class="visually-hidden">: sign in to save to a collection</span>
    </a>
  );

function CardActionsModel({ paper, community }: { paper: PaperSummary; community: CardCommunity }) {
  const comments = `${community.comments} comment${community.comments === 1 ? "" : "s"}`;
  return (
    <div class="card-actions">
      <VoteModel votes={community.votes} back={community.back} />
      <a class="comment-count" href={`${paper.href}#comments`} aria-label={comments}>
        <CommentIcon />
        <span aria-hidden="true">{community.comments}</span>
      </a>
      <SaveModel paperId={paper.id} target={community.saveTo} back={community.back} />
    </div>
  );
}

function PaperItemModel({ paper, level = 2, showDay = true, children }: { paper: PaperSummary; level?: 2 | 3; showDay?: boolean; children?: Child }) {
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
      {paper.community && <CardActionsModel paper={paper} community={paper.community} />}
      {children}
    </article>
  );
}

// Few characters, with everything HTML escapes, LaTeX and math, so that escaping and the markup paths meet often.
const text = fc.array(fc.constantFrom("a", "Z", " ", "<", ">", "&", '"', "'", "é", "α", "Ł", "🚀", "…", "$x^2$", "$\\beta$", "\\emph{y}", "--", "/", "?", "#", "%"), { maxLength: 8 }).map((p) => p.join(""));
const segments = fc.array(fc.record({ text, match: fc.boolean() }), { maxLength: 4 });
const kinds: CodeLinkKind[] = ["github", "gitlab", "huggingface", "project"];
const summary: fc.Arbitrary<PaperSummary> = fc.record({
  id: text,
  href: text,
  title: segments,
  authors: fc.array(text, { maxLength: 6 }),
  day: text,
  dayLabel: text,
  primaryCategory: text,
  codeLinks: fc.array(fc.record({ kind: fc.constantFrom(...kinds), url: fc.constantFrom("https://github.com/a/b", "https://x.org/p?q=<1>&r='2'", "not a url") }), { maxLength: 5 }),
  excerpt: segments,
  fullAbstract: fc.option(segments),
  hasMath: fc.boolean(),
  thumbnail: fc.constantFrom(undefined, null, { src: "/thumbnails/1.webp?v=\"e\"", width: 120, height: 160 }),
  community: fc.option(
    fc.record({
      votes: fc.nat(20),
      comments: fc.nat(3),
      voted: fc.boolean(),
      saveTo: fc.option(fc.record({ collectionId: fc.option(fc.nat(9)), name: text })),
      back: text,
    }),
    { nil: undefined },
  ),
});

test("a card is the escaped string its JSX wrote, in Latin-1 (wider characters as references), with every part present or absent", () => {
  fc.assert(
    fc.property(summary, fc.constantFrom(2 as const, 3 as const), fc.boolean(), fc.option(text, { nil: undefined }), (paper, level, showDay, extra) => {
      const children = extra === undefined ? undefined : <p class="extra">{extra}</p>;
      const card = String(<PaperItem paper={paper} level={level} showDay={showDay}>{children}</PaperItem>);
      assert.equal(card, latin1Html(String(<PaperItemModel paper={paper} level={level} showDay={showDay}>{children}</PaperItemModel>)));
      assert.ok(isLatin1(card), card);
    }),
    { numRuns: 2_000 },
  );
});

test("a list is its cards in order, each in an item", () => {
  fc.assert(
    fc.property(fc.array(summary, { maxLength: 4 }), text, fc.option(fc.nat(40), { nil: undefined }), (papers, label, start) => {
      const model = (
        <ol class="paper-list" aria-label={label} start={start}>
          {papers.map((paper) => (
            <li>{raw(latin1Html(String(<PaperItemModel paper={paper} />)))}</li>
          ))}
        </ol>
      );
      assert.equal(String(<PaperList papers={papers} label={label} start={start} />), String(model));
    }),
    { numRuns: 500 },
  );
});
