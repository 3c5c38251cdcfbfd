/**
 * Following papers: a member follows or unfollows a stored paper; with the setting "also follow
 * papers I upvote or add to a collection" on, upvoting and collecting follow too (engage.ts).
 */
import type { User } from "../../store/community-types.js";
import { type CommunityContext, nowOf, requirePaper } from "../community/context.js";

export async function follow(ctx: CommunityContext, user: User, paperId: string, on: boolean): Promise<{ following: boolean }> {
  if (!on) {
    await ctx.community.unfollow(user.id, paperId);
    return { following: false };
  }
  await requirePaper(ctx, paperId);
  await ctx.community.follow(user.id, paperId, nowOf(ctx).toISOString());
  return { following: true };
}

/** After an upvote or a collection add: follows the paper when the member chose so in settings. */
export async function followOnActivity(ctx: CommunityContext, user: User, paperId: string): Promise<void> {
  if ((await ctx.community.followPrefs(user.id)).followOnActivity) await ctx.community.follow(user.id, paperId, nowOf(ctx).toISOString());
}

export async function setFollowOnActivity(ctx: CommunityContext, user: User, on: boolean) {
  return ctx.community.setFollowOnActivity(user.id, on);
}
