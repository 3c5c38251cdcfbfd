/**
 * "Export my data": everything paperfeed keeps about a member as one JSON document. Secrets never
 * leave: no password hash, session, link or token, only each API token's name and dates.
 */
import { PaperfeedError } from "../../core/errors.js";
import type { User } from "../../store/community-types.js";
import type { MemberData } from "../../store/member-data-types.js";
import type { AccountContext } from "./accounts.js";
import { type MemberStores, memberSubscription } from "./member-stores.js";

export interface MemberExport extends Omit<MemberData, "account"> {
  format: "paperfeed-member-export/1";
  exportedAt: string;
  account: Pick<User, "id" | "email" | "displayName" | "role" | "emailVerifiedAt" | "createdAt">;
  subscription: { email: string; cadence: string; status: string; createdAt: string; confirmedAt: string | null } | null;
  savedSearches: Array<{ name: string; query: string; exclude: string[]; createdAt: string }>;
}

export async function exportMemberData(ctx: AccountContext, stores: MemberStores, user: User): Promise<MemberExport> {
  const data = await ctx.community.memberData(user.id);
  if (!data) throw new PaperfeedError("actions", "no_account", "this account no longer exists", 404);
  const subscription = await memberSubscription(stores, user);
  const { account, ...rest } = data;
  const s = subscription?.subscriber;
  return {
    format: "paperfeed-member-export/1",
    exportedAt: (ctx.clock?.() ?? new Date()).toISOString(),
    account: { id: account.id, email: account.email, displayName: account.displayName, role: account.role, emailVerifiedAt: account.emailVerifiedAt, createdAt: account.createdAt },
    ...rest,
    subscription: s ? { email: s.email, cadence: s.cadence, status: s.status, createdAt: s.createdAt, confirmedAt: s.confirmedAt } : null,
    savedSearches: (subscription?.searches ?? []).map((q) => ({ name: q.name, query: q.query, exclude: q.exclude, createdAt: q.createdAt })),
  };
}
