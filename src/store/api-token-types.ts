/**
 * The storage contract for API tokens: who may write through the JSON API. Only a hash of each
 * token is stored (the token itself is shown once, when created). Until accounts exist a token
 * belongs to an email address; `accountId` is the seam for the member who owns it later. Both
 * backends implement it (src/store/sqlite/api-token-store.ts, src/store/postgres/api-token-store.ts)
 * and one contract suite (test/store/api-token-contract.ts) runs on both. Times are ISO-8601 UTC
 * strings passed in by the caller.
 */

export interface ApiToken {
  id: number;
  /** Lower-cased, trimmed owner address. */
  email: string;
  /** Seam for accounts: the member owning this token, once accounts exist. */
  accountId: string | null;
  /** What the owner called it ("laptop script"); 1–100 characters. */
  name: string;
  /** First characters of the token ("pf_AbC1"), so a list can tell tokens apart without revealing them. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface NewApiToken {
  email: string;
  /** The member who owns it, when accounts exist (the id as text). */
  accountId?: string | null;
  name: string;
  prefix: string;
  /** SHA-256 of the whole token, lower-case hex (64 characters). */
  tokenHash: string;
  now: string;
}

export interface ApiTokenStore {
  createToken(input: NewApiToken): Promise<ApiToken>;
  /** The token with this hash, unless revoked; null otherwise. */
  findActiveToken(tokenHash: string): Promise<ApiToken | null>;
  /** Records a use (at most what the caller passes; callers may throttle). */
  touchToken(id: number, now: string): Promise<void>;
  /** All tokens of an address, revoked ones included, oldest first. */
  listTokens(email: string): Promise<ApiToken[]>;
  /** Revokes a token; false when there is no such token or it was already revoked. */
  revokeToken(id: number, now: string): Promise<boolean>;
  close(): Promise<void>;
}
