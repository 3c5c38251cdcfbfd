/**
 * A signed-in member changes their own account: display name and password. Every change that
 * could lock the owner out asks for the current password first, so a session left open on a
 * shared computer cannot take the account over.
 */
import { PaperfeedError } from "../../core/errors.js";
import type { User } from "../../store/community-types.js";
import type { AccountContext } from "./accounts.js";
import { startSession } from "./accounts.js";
import { checkPasswordRules, hashPassword, verifyPassword } from "./password.js";

/** Throws `wrong_password` (400, naming the field) unless `password` is the member's. */
export async function requireCurrentPassword(ctx: AccountContext, user: User, password: string): Promise<void> {
  const found = await ctx.community.credentials(user.email);
  if (!found || found.id !== user.id || !(await verifyPassword(String(password), found.passwordHash))) {
    throw new PaperfeedError("actions", "wrong_password", "Current password: that is not your current password", 400);
  }
}

export async function changeDisplayName(ctx: AccountContext, user: User, displayName: string): Promise<User> {
  try {
    return (await ctx.community.updateUser(user.id, { displayName }))!;
  } catch (error) {
    if (error instanceof PaperfeedError && error.id === "invalid_display_name") throw new PaperfeedError("actions", "invalid_display_name", "Display name: needs 1–50 characters", 400);
    throw error;
  }
}

/**
 * Sets a new password after checking the current one, ends every session (a thief's too) and
 * returns a fresh session for the member who made the change.
 */
export async function changePassword(ctx: AccountContext, user: User, current: string, next: string): Promise<string> {
  await requireCurrentPassword(ctx, user, current);
  try {
    checkPasswordRules(next);
  } catch (error) {
    throw new PaperfeedError("actions", "weak_password", `New password: ${(error as Error).message.replace(/^\w+: /, "")}`, 400);
  }
  await ctx.community.updateUser(user.id, { passwordHash: await hashPassword(next) });
  await ctx.community.deleteUserSessions(user.id);
  return startSession(ctx, user.id);
}
