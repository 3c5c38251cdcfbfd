/**
 * One paper as a Markdown document: YAML front matter (title, authors, ids, dates, links), the
 * title and authors, the abstract, and the community's comments with their replies. What an AI
 * assistant reads through `paperfeed mcp` (the `paper://ID` resource) and what `/papers/ID.md`
 * serves, so both say the same.
 */
import type { Paper } from "../../core/paper.js";
import type { Comment } from "../../store/community-types.js";

export interface PaperMarkdownOptions {
  /** The instance's public URL (`config.baseUrl`), for the paper's own link; no trailing slash needed. */
  baseUrl: string;
  /** The paper's comments as `CommunityStore.listComments` gives them (oldest first); default none. */
  comments?: readonly Comment[];
}

/**
 * Front-matter strings are written as JSON strings: every JSON string is a valid YAML
 * double-quoted scalar, so titles with colons, quotes or LaTeX backslashes need no other escaping.
 */
const yamlString = (value: string) => JSON.stringify(value);

function frontMatter(paper: Paper, baseUrl: string, commentCount: number): string {
  const lines = ["---", `title: ${yamlString(paper.title)}`, "authors:"];
  for (const author of paper.authors) lines.push(`  - ${yamlString(author.name)}`);
  lines.push(`arxiv_id: ${yamlString(paper.id)}`, `version: ${paper.version}`);
  lines.push(`categories: [${paper.categories.map(yamlString).join(", ")}]`);
  const optional: [string, string | null][] = [
    ["announced", paper.announced],
    ["submitted", paper.submitted],
    ["updated", paper.updated],
    ["doi", paper.doi],
    ["journal_ref", paper.journalRef],
    ["arxiv_comments", paper.comments],
    ["license", paper.license],
  ];
  for (const [key, value] of optional) if (value) lines.push(`${key}: ${yamlString(value)}`);
  lines.push(
    "links:",
    `  paperfeed: ${yamlString(`${baseUrl.replace(/\/+$/, "")}/papers/${paper.id}`)}`,
    `  arxiv: ${yamlString(`https://arxiv.org/abs/${paper.id}`)}`,
    `  pdf: ${yamlString(`https://arxiv.org/pdf/${paper.id}`)}`,
  );
  if (paper.doi) lines.push(`  doi: ${yamlString(`https://doi.org/${paper.doi}`)}`);
  if (paper.codeLinks.length > 0) {
    lines.push("  code:");
    for (const link of paper.codeLinks) lines.push(`    - ${yamlString(link.url)}`);
  }
  lines.push(`num_comments: ${commentCount}`, "---");
  return lines.join("\n");
}

/** A comment's text quoted line by line, so headings or rules in it stay inside the comment. */
const quoted = (text: string) =>
  text
    .trim()
    .split(/\r?\n/)
    .map((line) => (line ? `> ${line}` : ">"))
    .join("\n");

/** A comment as shown to everybody: hidden and deleted ones keep only a note (they are kept for their replies). */
function commentBlock(comment: Comment, level: "###" | "####"): string {
  const when = comment.createdAt.slice(0, 10);
  const text = comment.deleted ? "*(deleted)*" : comment.hiddenAt ? "*(hidden by a curator)*" : comment.body;
  return `${level} ${comment.authorName} · ${when}${comment.editedAt ? " (edited)" : ""}\n\n${quoted(text)}`;
}

const isShown = (comment: Comment) => !comment.deleted && !comment.hiddenAt;

/** Top-level comments in order, each followed by its replies; a withdrawn one stays only as a note above shown replies. */
function discussion(comments: readonly Comment[]): { text: string; shown: number } {
  const replies = new Map<number, Comment[]>();
  for (const c of comments) if (c.parentId !== null) replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
  const blocks: string[] = [];
  let shown = 0;
  for (const top of comments.filter((c) => c.parentId === null)) {
    const visibleReplies = (replies.get(top.id) ?? []).filter(isShown);
    if (!isShown(top) && visibleReplies.length === 0) continue;
    if (isShown(top)) shown++;
    shown += visibleReplies.length;
    blocks.push(commentBlock(top, "###"), ...visibleReplies.map((r) => commentBlock(r, "####")));
  }
  return { text: blocks.join("\n\n"), shown };
}

export function paperMarkdown(paper: Paper, options: PaperMarkdownOptions): string {
  const { text: comments, shown } = discussion(options.comments ?? []);
  const parts = [
    frontMatter(paper, options.baseUrl, shown),
    `# ${paper.title}`,
    `**Authors:** ${paper.authors.map((a) => a.name).join(", ")}`,
    "## Abstract",
    paper.abstract.trim(),
    "## Comments",
    comments || "No comments yet.",
  ];
  return `${parts.join("\n\n")}\n`;
}
