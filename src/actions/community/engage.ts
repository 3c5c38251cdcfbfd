/** Upvotes, comments and collections, with who may do what. */
import { PaperfeedError } from "../../core/errors.js";
import type { Collection, Comment, User } from "../../store/community-types.js";
import { followOnActivity } from "../follow/follow.js";
import { type CommunityContext, forbidden, isCurator, nowOf, requirePaper, requireVerified, resolvePaper } from "./context.js";

export async function vote(ctx: CommunityContext, user: User, paperId: string, up: boolean) {
  requireVerified(user);
  await requirePaper(ctx, paperId);
  const result = await ctx.community.setVote(user.id, paperId, up, nowOf(ctx).toISOString());
  if (up) await followOnActivity(ctx, user, paperId);
  return result;
}

export async function comment(ctx: CommunityContext, user: User, input: { paperId: string; body: string; parentId: number | null }): Promise<Comment> {
  requireVerified(user);
  await requirePaper(ctx, input.paperId);
  return ctx.community.addComment({ ...input, userId: user.id, now: nowOf(ctx).toISOString() });
}

async function ownComment(ctx: CommunityContext, user: User, id: number): Promise<Comment> {
  const found = await ctx.community.getComment(id);
  if (!found || found.deleted) throw new PaperfeedError("actions", "comment_not_found", `comment ${id} does not exist`, 404);
  if (found.userId !== user.id) throw forbidden("you can only change your own comments");
  return found;
}

export async function editComment(ctx: CommunityContext, user: User, id: number, body: string) {
  await ownComment(ctx, user, id);
  return (await ctx.community.editComment(id, body, nowOf(ctx).toISOString()))!;
}

export async function deleteComment(ctx: CommunityContext, user: User, id: number) {
  const found = await ownComment(ctx, user, id);
  await ctx.community.deleteComment(id, nowOf(ctx).toISOString());
  return found;
}

export async function hideComment(ctx: CommunityContext, user: User, id: number, hidden: boolean) {
  if (!isCurator(user)) throw forbidden("only curators hide comments");
  const found = await ctx.community.setCommentHidden(id, hidden, nowOf(ctx).toISOString());
  if (!found) throw new PaperfeedError("actions", "comment_not_found", `comment ${id} does not exist`, 404);
  return found;
}

/** A collection the user owns (for changes), or a 404 as if it did not exist. */
export async function ownCollection(ctx: CommunityContext, user: User, id: number): Promise<Collection> {
  const found = await ctx.community.getCollection(id);
  if (!found || found.userId !== user.id) throw new PaperfeedError("actions", "collection_not_found", `collection ${id} does not exist`, 404);
  return found;
}

/** A collection the viewer may see: public ones, and their own private ones. */
export async function visibleCollection(ctx: CommunityContext, viewer: User | null, id: number): Promise<Collection> {
  const found = await ctx.community.getCollection(id);
  if (!found || (!found.isPublic && found.userId !== viewer?.id)) throw new PaperfeedError("actions", "collection_not_found", `collection ${id} does not exist`, 404);
  return found;
}

/**
 * Adds a paper — an id or arXiv URL, fetched from arXiv when not stored and the site may
 * (resolvePaper) — to one of the user's collections; the paper's canonical id comes back.
 */
export async function collect(ctx: CommunityContext, user: User, collectionId: number, paperRef: string, note: string): Promise<string> {
  await ownCollection(ctx, user, collectionId);
  const paper = await resolvePaper(ctx, paperRef);
  await ctx.community.addToCollection(collectionId, paper.id, note, nowOf(ctx).toISOString());
  await followOnActivity(ctx, user, paper.id);
  return paper.id;
}

export async function uncollect(ctx: CommunityContext, user: User, collectionId: number, paperId: string) {
  await ownCollection(ctx, user, collectionId);
  return ctx.community.removeFromCollection(collectionId, paperId, nowOf(ctx).toISOString());
}

export const canModerate = (user: User | null) => Boolean(user && isCurator(user));
