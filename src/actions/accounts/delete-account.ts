/**
 * A member deletes their account, confirmed with their password. The community store removes
 * everything of theirs in one transaction (src/store/member-data-types.ts: votes stop counting,
 * collections go, sessions end); comments and curated-list submissions stay as "[deleted
 * member]" so other members' replies keep their context; their API tokens are revoked in the
 * same transaction. Then the email subscription is unsubscribed and untied from the account.
 */
import type { User } from "../../store/community-types.js";
import type { AccountContext } from "./accounts.js";
import { type MemberStores, memberSubscription } from "./member-stores.js";
import { requireCurrentPassword } from "./profile.js";

export async function deleteAccount(ctx: AccountContext, stores: MemberStores, user: User, password: string): Promise<void> {
  await requireCurrentPassword(ctx, user, password);
  const at = (ctx.clock?.() ?? new Date()).toISOString();
  // Read before the account row loses its address (a subscription may be found by it).
  const subscription = await memberSubscription(stores, user);
  await ctx.community.deleteMember(user.id, at);
  if (subscription && stores.delivery) {
    await stores.delivery.updateSubscriber(subscription.subscriber.id, { status: "unsubscribed", now: at });
    await stores.delivery.linkAccount(subscription.subscriber.id, null);
  }
}
