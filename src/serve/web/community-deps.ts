/** What the community pages are built from, and small helpers every community route uses. */
import type { Context } from "hono";
import type { AccountContext } from "../../actions/accounts/accounts.js";
import type { AccountMailer } from "../../actions/accounts/mailer.js";
import type { CommunityContext, PaperFetcher } from "../../actions/community/context.js";
import type { Config } from "../../config/types.js";
import { PaperfeedError } from "../../core/errors.js";
import type { SearchEngine } from "../../search/types.js";
import type { CommunityStore, User } from "../../store/community-types.js";
import type { DeliveryStore } from "../../store/delivery-types.js";
import type { Store } from "../../store/types.js";
import type { LIMITS } from "../middleware/rate-limit.js";
import { readForm } from "../middleware/form-body.js";
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
  /** Subscriptions and saved searches, when mail is on (For you learns from saved searches). */
  delivery?: DeliveryStore | undefined;
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
  const body = await readForm(c);
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

const HERE = "http://paperfeed.invalid";

/**
 * A same-origin path to return to (`next`, `back`), judged the way a browser will read it: parsed
 * as a URL against this site, kept only when it still points here, and returned re-serialised.
 * Browsers drop tabs and newlines and read "\\" as "/", so "/\t/evil.example" or "/\\evil" is
 * another site and falls back; what is kept is percent-encoded, safe in a Location header.
 */
export function localPath(raw: string | undefined, fallback: string): string {
  if (typeof raw !== "string" || !raw.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(raw, HERE);
  } catch {
    return fallback;
  }
  return url.origin === HERE ? `${url.pathname}${url.search}${url.hash}` : fallback;
}

/** Where to send a visitor who must sign in before seeing `path`. */
export const signInFirst = (c: Context) => c.redirect(`/account/signin?next=${encodeURIComponent(c.req.path)}`, 303);
