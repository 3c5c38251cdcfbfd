/** What the settings page shows, gathered from the community, token and subscription stores. */
import { canChangeEmail } from "../../../../actions/accounts/email-change.js";
import { type MemberStores, memberSubscription, memberTokens } from "../../../../actions/accounts/member-stores.js";
import { subscriberLinks } from "../../../../actions/subscriptions/links.js";
import type { User } from "../../../../store/community-types.js";
import { type CommunityWebDeps, accountContext } from "../../community-deps.js";

/** Which form an error belongs to, so it shows beside that form. */
export type SettingsSection = "name" | "email" | "password" | "following" | "delete";

export interface SettingsView {
  user: User;
  followOnActivity: boolean;
  /** False when the site has no mail server: the address cannot be confirmed, so cannot change. */
  canChangeEmail: boolean;
  subscription: { email: string; cadence: string; status: string; manageHref: string; searches: Array<{ name: string; query: string }> } | null;
  /** Whether the site offers subscriptions at all (it does when it can send mail). */
  canSubscribe: boolean;
  tokens: Array<{ name: string; prefix: string }>;
  notice: string | null;
  error: { section: SettingsSection; message: string } | null;
  /** What the member typed, shown again after an error (never a password). */
  typed: { displayName?: string; email?: string };
}

export async function loadSettings(
  deps: CommunityWebDeps,
  stores: MemberStores,
  user: User,
  extra: Pick<SettingsView, "notice" | "error" | "typed">,
): Promise<SettingsView> {
  const ctx = await accountContext(deps);
  const [prefs, tokens, subscription] = await Promise.all([ctx.community.followPrefs(user.id), memberTokens(stores, user), memberSubscription(stores, user)]);
  const base = deps.config.baseUrl.replace(/\/+$/, "");
  const linkSecret = subscription && stores.delivery ? await stores.delivery.secret("links") : null;
  return {
    user,
    followOnActivity: prefs.followOnActivity,
    canChangeEmail: canChangeEmail(ctx),
    canSubscribe: stores.delivery !== undefined,
    subscription:
      subscription && linkSecret
        ? {
            email: subscription.subscriber.email,
            cadence: subscription.subscriber.cadence,
            status: subscription.subscriber.status,
            manageHref: subscriberLinks(base, linkSecret, subscription.subscriber).manage.slice(base.length),
            searches: subscription.searches.map((s) => ({ name: s.name, query: s.query })),
          }
        : null,
    tokens: tokens.filter((t) => !t.revokedAt).map((t) => ({ name: t.name, prefix: t.prefix })),
    ...extra,
  };
}
