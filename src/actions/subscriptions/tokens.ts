/**
 * Signed links: confirm, manage and unsubscribe URLs carry a token naming the subscriber and the
 * purpose, with an HMAC-SHA256 over those and the subscriber's address (the address is not in the
 * token, so it does not leak through the URL; it is looked up and must match). A token therefore
 * cannot be forged without the secret, used for another purpose, or reused for another address —
 * not even if the subscriber id is later given a different address.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export type LinkPurpose = "confirm" | "manage" | "unsubscribe";

export interface LinkClaims {
  purpose: LinkPurpose;
  subscriberId: number;
  /** Expiry, ms since epoch; 0 = never (manage and unsubscribe links must keep working in old mail). */
  expires: number;
}

/** Confirmation links expire after 7 days. */
export const CONFIRM_TTL_MS = 7 * 86_400_000;

const mac = (secret: string, body: string, email: string) =>
  createHmac("sha256", secret).update(`${body}\n${email.toLowerCase()}`).digest("base64url");

export function signLink(secret: string, claims: LinkClaims, email: string): string {
  const body = `${claims.purpose[0]}${claims.subscriberId.toString(36)}.${claims.expires.toString(36)}`;
  return `${body}.${mac(secret, body, email)}`;
}

/** The claims a token makes, unverified (to find whose address to check it against); null when malformed. */
export function readLink(token: string): LinkClaims | null {
  const m = /^([cmu])([0-9a-z]{1,12})\.([0-9a-z]{1,12})\.[A-Za-z0-9_-]{43}$/.exec(String(token ?? ""));
  if (!m) return null;
  const purpose = ({ c: "confirm", m: "manage", u: "unsubscribe" } as const)[m[1] as "c" | "m" | "u"];
  return { purpose, subscriberId: parseInt(m[2]!, 36), expires: parseInt(m[3]!, 36) };
}

/** True when `token` was signed with `secret` for `email`, has `purpose`, and has not expired at `now`. */
export function verifyLink(
  secret: string,
  token: string,
  purpose: LinkPurpose,
  email: string,
  now: number,
): boolean {
  const claims = readLink(token);
  if (!claims || claims.purpose !== purpose) return false;
  if (claims.expires !== 0 && claims.expires < now) return false;
  const body = token.slice(0, token.lastIndexOf("."));
  const given = Buffer.from(token.slice(token.lastIndexOf(".") + 1));
  const expected = Buffer.from(mac(secret, body, email));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
