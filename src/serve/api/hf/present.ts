/** paperfeed papers (with their community facts) in Hugging Face's Daily Papers shapes. */
import type { Paper } from "../../../core/paper.js";
import type { CommunityFacts, Submitter } from "../community/facts.js";
import type { HfDailyItem, HfPaper, HfUser } from "./schema.js";

/** "2024-01-02" or any ISO time → "2024-01-02T00:00:00.000Z"-style ISO time. */
export const isoTime = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString();

export function hfUser(submitter: Submitter): HfUser {
  return {
    _id: String(submitter.id),
    avatarUrl: "",
    fullname: submitter.name,
    name: submitter.username,
    user: submitter.username,
    type: "user",
    isPro: false,
    isHf: false,
    isMod: false,
    followerCount: 0,
  };
}

export function hfPaper(paper: Paper, facts: CommunityFacts): HfPaper {
  const repo = paper.codeLinks.find((l) => l.kind === "github");
  const project = paper.codeLinks.find((l) => l.kind === "project");
  return {
    id: paper.id,
    authors: paper.authors.map((a, i) => ({ _id: `${paper.id}#${i + 1}`, name: a.name, hidden: false })),
    mediaUrls: [],
    publishedAt: isoTime(paper.submitted ?? paper.announced),
    ...(facts.submittedAt ? { submittedOnDailyAt: isoTime(facts.submittedAt) } : {}),
    ...(facts.submittedBy ? { submittedOnDailyBy: hfUser(facts.submittedBy) } : {}),
    title: paper.title,
    summary: paper.abstract,
    upvotes: facts.upvotes,
    discussionId: paper.id,
    ...(repo ? { githubRepo: repo.url } : {}),
    ...(repo && facts.githubStars !== null ? { githubStars: facts.githubStars } : {}),
    ...(project ? { projectPage: project.url } : {}),
  };
}

/** `thumbnail`: the absolute URL of its first-page image, when there is one. */
export function hfDailyItem(paper: Paper, facts: CommunityFacts, thumbnail?: string): HfDailyItem {
  return {
    paper: hfPaper(paper, facts),
    publishedAt: isoTime(facts.submittedAt ?? paper.announced),
    title: paper.title,
    summary: paper.abstract,
    ...(thumbnail ? { thumbnail } : {}),
    mediaUrls: [],
    numComments: facts.comments,
    submittedBy: facts.submittedBy ? hfUser(facts.submittedBy) : null,
    isAuthorParticipating: false,
  };
}
