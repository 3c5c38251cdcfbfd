import assert from "node:assert/strict";
import { test } from "node:test";
import { makePaper } from "../../core/make-paper.js";
import type { Comment } from "../../store/community-types.js";
import { paperMarkdown } from "./paper-markdown.js";

const paper = makePaper({
  id: "2401.01234",
  version: 2,
  title: 'Attention: "All" You Need \\emph{Again}',
  abstract: "We show $x^2$.\n",
  authors: [{ name: "Ada Lovelace" }, { name: "C.-P. Yuan" }],
  categories: ["cs.LG", "stat.ML"],
  announced: "2024-01-03",
  doi: "10.1000/xyz",
  comments: "Code at https://github.com/ada/attn",
});

const comment = (id: number, parentId: number | null, body: string, extra: Partial<Comment> = {}): Comment => ({
  id,
  paperId: paper.id,
  userId: 1,
  authorName: `member ${id}`,
  authorUsername: `member-${id}`,
  parentId,
  body,
  createdAt: "2024-01-05T10:00:00Z",
  editedAt: null,
  hiddenAt: null,
  deleted: false,
  ...extra,
});

/** The front matter's value for `key` at the given indent, read back as the JSON string it was written as. */
const frontValue = (text: string, key: string) => {
  const line = text.split("---")[1]!.split("\n").find((l) => l.trimStart().startsWith(`${key}: `));
  return line === undefined ? undefined : JSON.parse(line.slice(line.indexOf(": ") + 2));
};

test("front matter: every string survives quotes, colons and backslashes; links and code; the abstract", () => {
  const text = paperMarkdown(paper, { baseUrl: "https://papers.example.org/" });
  assert.ok(text.startsWith("---\n"));
  assert.equal(frontValue(text, "title"), paper.title);
  assert.equal(frontValue(text, "arxiv_id"), "2401.01234");
  assert.equal(frontValue(text, "paperfeed"), "https://papers.example.org/papers/2401.01234");
  assert.equal(frontValue(text, "pdf"), "https://arxiv.org/pdf/2401.01234");
  assert.equal(frontValue(text, "doi"), "10.1000/xyz");
  assert.match(text, /\nauthors:\n {2}- "Ada Lovelace"\n {2}- "C.-P. Yuan"\n/);
  assert.match(text, /\n {2}code:\n {4}- "https:\/\/github.com\/ada\/attn"\n/);
  assert.match(text, /\ncategories: \["cs.LG", "stat.ML"\]\n/);
  assert.equal(frontValue(text, "submitted"), undefined, "unknown dates are left out, not null");
  assert.match(text, /\nnum_comments: 0\n---\n\n# Attention/);
  assert.match(text, /\n## Abstract\n\nWe show \$x\^2\$.\n\n## Comments\n\nNo comments yet.\n$/);
});

test("comments: replies under their comment; hidden and deleted ones only as a note above shown replies", () => {
  const comments = [
    comment(1, null, "First **point**."),
    comment(2, null, "gone", { deleted: true }),
    comment(3, 2, "A reply to a deleted comment."),
    comment(4, null, "spam", { hiddenAt: "2024-01-06T00:00:00Z" }),
    comment(5, 1, "A reply.", { editedAt: "2024-01-06T00:00:00Z" }),
    comment(6, 1, "hidden reply", { hiddenAt: "2024-01-06T00:00:00Z" }),
  ];
  const text = paperMarkdown(paper, { baseUrl: "http://127.0.0.1:8080", comments });
  const discussion = text.slice(text.indexOf("## Comments"));
  assert.equal(
    discussion,
    [
      "## Comments",
      "### member 1 · 2024-01-05\n\n> First **point**.",
      "#### member 5 · 2024-01-05 (edited)\n\n> A reply.",
      "### member 2 · 2024-01-05\n\n> *(deleted)*",
      "#### member 3 · 2024-01-05\n\n> A reply to a deleted comment.",
    ].join("\n\n") + "\n",
  );
  assert.doesNotMatch(text, /spam|hidden reply|gone/);
  assert.match(text, /\nnum_comments: 3\n/, "the comments shown, as a number");
});
