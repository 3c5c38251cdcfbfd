/** What the community pages are built from, and small helpers every community route uses. */
import type { Context } from "hono";
import type { AccountContext } from "../../actions/accounts/accounts.js";
import type { AccountMailer } from "../../actions/accounts/mailer.js";
import type { CommunityContext, PaperFetcher } from "../../actions/community/context.js";
import type { Config } from "../../config/types.js";
import { PaperfeedError } from "../../core/errors.js";
import type { SearchEngine } from "../../search/types.js";
import type { CommunityStore, User } from "../../store/community-types.js";
import type { Store } from "../../store/types.js";
import type { LIMITS } from "../middleware/rate-limit.js";
import { currentViewer } from "../middleware/session.js";

export interface CommunityWebDeps {
  store: Store;
  search: SearchEngine;
  config: Config;
  /** The community tables, opened on first use. */
  community: () => Promise<CommunityStore>;
  /** Sends verification and reset links; null when the site sends no mail (sign-ups are then active at once). */
  mailer: AccountMailer | null;
  fetchPaper?: PaperFetcher;
  clock?: () => Date;
  /** Rate limits in force (rate-limit.ts LIMITS unless overridden). */
  limits: typeof LIMITS;
}

export async function accountContext(deps: CommunityWebDeps): Promise<AccountContext> {
  return { community: await deps.community(), mailer: deps.mailer, baseUrl: deps.config.baseUrl, ...(deps.clock ? { clock: deps.clock } : {}) };
}

export async function communityContext(deps: CommunityWebDeps): Promise<CommunityContext> {
  return {
    community: await deps.community(),
    store: deps.store,
    ...(deps.fetchPaper ? { fetchPaper: deps.fetchPaper } : {}),
    ...(deps.clock ? { clock: deps.clock } : {}),
  };
}

export const isSecure = (config: Config) => config.baseUrl.startsWith("https:");

/** A text field of a parsed form ("" when missing or a file). */
export async function formOf(c: Context): Promise<(name: string) => string> {
  const body = await c.req.parseBody();
  return (name) => {
    const value = body[name];
    return typeof value === "string" ? value : "";
  };
}

/** The signed-in member, or a 401 telling the visitor to sign in. */
export function requireUser(): User {
  const user = currentViewer()?.user;
  if (!user) throw new PaperfeedError("serve", "sign_in_required", "sign in first", 401);
  return user;
}

/** A local path to return to (never another site: "//host" and "/\\host" are refused). */
export function localPath(raw: string | undefined, fallback: string): string {
  return raw && /^\/(?![/\\])/.test(raw) ? raw : fallback;
}

/** Where to send a visitor who must sign in before seeing `path`. */
export const signInFirst = (c: Context) => c.redirect(`/account/signin?next=${encodeURIComponent(c.req.path)}`, 303);
