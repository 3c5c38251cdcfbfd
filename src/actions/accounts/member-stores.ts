/**
 * The member's things that live outside the community tables: API tokens and the email
 * subscription with its saved searches. Both are optional (a site without mail has no
 * subscriptions), so settings, export and deletion work with whatever is there.
 */
import type { ApiToken, ApiTokenStore } from "../../store/api-token-types.js";
import type { User } from "../../store/community-types.js";
import type { DeliveryStore, SavedSearch, Subscriber } from "../../store/delivery-types.js";

export interface MemberStores {
  tokens?: ApiTokenStore | undefined;
  delivery?: DeliveryStore | undefined;
}

/** The member's tokens, revoked ones included (listed by address, kept only when theirs). */
export async function memberTokens(stores: MemberStores, user: User): Promise<ApiToken[]> {
  if (!stores.tokens) return [];
  return (await stores.tokens.listTokens(user.email)).filter((t) => t.accountId === String(user.id));
}

/** The subscription tied to the account, else one for the member's confirmed address. */
export async function memberSubscription(stores: MemberStores, user: User): Promise<{ subscriber: Subscriber; searches: SavedSearch[] } | null> {
  if (!stores.delivery) return null;
  const subscriber =
    (await stores.delivery.getSubscriberByAccount(String(user.id))) ?? (user.emailVerifiedAt ? await stores.delivery.getSubscriberByEmail(user.email) : null);
  return subscriber ? { subscriber, searches: await stores.delivery.listSavedSearches(subscriber.id) } : null;
}
