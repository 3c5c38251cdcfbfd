/**
 * Writes about one paper: `POST /api/v1/papers/{id}/vote` and `POST /api/v1/papers/{id}/comments`.
 * Old-style ids hold a slash, so (as for the paper reads) these are documented with `{id}` and
 * mounted on Hono's `:id{.+}`, with the body checked by the same zod schema the document shows.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import * as engage from "../../../actions/community/engage.js";
import { apiToken } from "../../middleware/api-token.js";
import { LIMITS, limitRate } from "../../middleware/rate-limit.js";
import { renderCommentMarkdown } from "../../web/markdown.js";
import { PaperIdParam, paperOfRequest } from "../common/paper-id.js";
import type { ApiDeps } from "../deps.js";
import { CommentBody, PostedComment, VoteBody, VoteResponse } from "./schema.js";
import { contextOf, json, ownerOf, readBody, security, tags, writeErrors } from "./shared.js";

const voteRoute = createRoute({
  method: "post",
  path: "/api/v1/papers/{id}/vote",
  operationId: "votePaper",
  tags,
  summary: "Upvote a paper, clear the upvote, or toggle it",
  security,
  request: { params: PaperIdParam, body: { content: json(VoteBody), required: false } },
  responses: {
    200: {
      description: "Whether the token's owner now upvotes it, and its count",
      content: json(VoteResponse),
    },
    ...writeErrors,
  },
});

const commentRoute = createRoute({
  method: "post",
  path: "/api/v1/papers/{id}/comments",
  operationId: "commentOnPaper",
  tags,
  summary: "Comment on a paper, or reply to a comment",
  security,
  request: { params: PaperIdParam, body: { content: json(CommentBody), required: true } },
  responses: {
    201: {
      description: "The comment, with its body rendered as the pages show it",
      content: json(PostedComment),
    },
    ...writeErrors,
  },
});

/** Hono's slash-friendly path for `/api/v1/papers/{id}/<tail>`. */
const slashPath = (tail: string) => `/api/v1/papers/:id{.+}/${tail}`;

export function mountPaperWrites(api: OpenAPIHono, deps: ApiDeps): void {
  const token = apiToken(deps, { required: true });

  api.openAPIRegistry.registerPath(voteRoute);
  api.post(slashPath("vote"), token, async (c) => {
    const { up } = await readBody(c, VoteBody);
    const paper = await paperOfRequest(deps, c);
    const ctx = await contextOf(deps);
    const user = ownerOf(c);
    const want = up ?? !(await ctx.community.votedPapers(user.id, [paper.id])).has(paper.id);
    const { voted, votes } = await engage.vote(ctx, user, paper.id, want);
    return c.json({ paper: paper.id, upvoted: voted, upvotes: votes }, 200);
  });

  api.openAPIRegistry.registerPath(commentRoute);
  api.post(slashPath("comments"), token, async (c) => {
    const input = await readBody(c, CommentBody);
    const paper = await paperOfRequest(deps, c);
    const ctx = await contextOf(deps);
    const user = ownerOf(c);
    // The pages' key, so a member's comments count once against one limit however they are sent.
    await limitRate(ctx.community, `comment:user:${user.id}`, LIMITS.comment);
    const made = await engage.comment(ctx, user, {
      paperId: paper.id,
      body: input.body,
      parentId: input.parentId ?? null,
    });
    const { id, paperId, parentId, createdAt, editedAt, authorName, body } = made;
    return c.json(
      {
        id,
        paperId,
        parentId,
        createdAt,
        editedAt,
        author: authorName,
        body,
        html: renderCommentMarkdown(body),
      },
      201,
    );
  });
}
