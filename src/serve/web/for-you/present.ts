/** Shapes a member's For you list for the page: paper cards with the sentence of reasons under each. */
import type { ForYouList } from "../../../actions/for-you/for-you.js";
import type { Reason } from "../../../rank/for-you/recommend.js";
import type { Interest } from "../../../store/interest-types.js";
import { paperHref } from "../format.js";
import { type PaperSummary, summarize } from "../present/summary.js";

export interface ReasonView {
  text: string;
  /** A paper the reason names, linked. */
  href?: string;
  linkText?: string;
}

export interface ForYouView {
  items: Array<{ paper: PaperSummary; reasons: ReasonView[] }>;
  trained: boolean;
  newestDay: string | null;
  learnedFrom: string;
  interests: Interest[];
  notice: string | null;
}

const SIGNAL_WORDS = { upvoted: "you upvoted", saved: "you saved", followed: "you follow" } as const;

export function presentReason(reason: Reason): ReasonView {
  switch (reason.kind) {
    case "words":
      return { text: `words: ${reason.words.join(", ")}` };
    case "similar":
      return { text: `because ${SIGNAL_WORDS[reason.signal]} `, href: paperHref(reason.paperId), linkText: reason.title };
    case "author":
      return { text: `by ${reason.name}, whom you follow` };
    case "coauthor":
      return { text: `by ${reason.name}, an author of a paper ${SIGNAL_WORDS[reason.signal]}` };
    case "category":
      return { text: `in ${reason.category}, which you follow` };
    case "search":
      return { text: `matches your saved search “${reason.name}”` };
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function learnedFrom(l: ForYouList["learnedFrom"]): string {
  const parts = [
    l.upvoted && plural(l.upvoted, "upvote"),
    l.saved && plural(l.saved, "saved paper"),
    l.followed && plural(l.followed, "followed paper"),
    l.authors && plural(l.authors, "followed author"),
    l.categories && plural(l.categories, "followed category", "followed categories"),
    l.searches && plural(l.searches, "saved search", "saved searches"),
    l.dismissed && `${l.dismissed} “Not interested”`,
  ].filter((p): p is string => Boolean(p));
  return parts.length === 0 ? "" : parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

export function presentForYou(list: ForYouList, notice: string | null): ForYouView {
  return {
    items: list.items.map(({ paper, recommendation }) => ({ paper: summarize(paper), reasons: recommendation.reasons.map(presentReason) })),
    trained: list.trained,
    newestDay: list.newestDay,
    learnedFrom: learnedFrom(list.learnedFrom),
    interests: list.interests,
    notice,
  };
}
