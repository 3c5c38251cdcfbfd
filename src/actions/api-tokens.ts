/**
 * API tokens: `pf_` + 43 random base64url characters (256 bits). The token is shown once, when
 * created; only its SHA-256 is stored, so a copy of the database does not hand out access. A
 * token belongs to an account (looked up by email when it is created); `lastUsedAt` is updated
 * at most once a minute per token, so reads do not turn into writes.
 */
import { createHash, randomBytes } from "node:crypto";
import { PaperfeedError } from "../core/errors.js";
import type { ApiToken, ApiTokenStore } from "../store/api-token-types.js";
import type { CommunityStore, User } from "../store/community-types.js";

export const TOKEN_PREFIX = "pf_";
const TOKEN_SHAPE = /^pf_[A-Za-z0-9_-]{43}$/;
/** Least time between two `lastUsedAt` updates of one token. */
const TOUCH_EVERY_MS = 60_000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface CreatedToken {
  /** The secret; show it once, it cannot be recovered. */
  token: string;
  record: ApiToken;
}

/** A new token for the account with this address; a PaperfeedError when there is no such account. */
export async function createApiToken(
  deps: { tokens: ApiTokenStore; community: CommunityStore },
  input: { email: string; name: string; now?: Date },
): Promise<CreatedToken> {
  const user = await deps.community.getUserByEmail(input.email);
  if (!user) throw new PaperfeedError("actions", "no_account", `no account uses ${input.email.trim()}; create it first (paperfeed admin create)`, 404);
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const record = await deps.tokens.createToken({
    email: user.email,
    accountId: String(user.id),
    name: input.name,
    prefix: token.slice(0, 7),
    tokenHash: hashToken(token),
    now: (input.now ?? new Date()).toISOString(),
  });
  return { token, record };
}

export interface TokenOwner {
  token: ApiToken;
  user: User;
}

/** The live token and its account for a presented secret; null for anything else (never says why). */
export async function authenticateToken(
  deps: { tokens: ApiTokenStore; community: CommunityStore },
  presented: string,
  now = new Date(),
): Promise<TokenOwner | null> {
  if (!TOKEN_SHAPE.test(presented)) return null;
  const token = await deps.tokens.findActiveToken(hashToken(presented));
  if (!token) return null;
  const user = token.accountId ? await deps.community.getUser(Number(token.accountId)) : await deps.community.getUserByEmail(token.email);
  if (!user) return null;
  if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) >= TOUCH_EVERY_MS) await deps.tokens.touchToken(token.id, now.toISOString());
  return { token, user };
}
