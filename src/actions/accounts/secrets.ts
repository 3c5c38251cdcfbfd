/** Random bearer secrets (session cookies, emailed links) and the SHA-256 under which they are stored. */
import { createHash, randomBytes } from "node:crypto";

export const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");

/** 32 random bytes, base64url; returns the secret and its stored hash. */
export function newSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString("base64url");
  return { secret, hash: sha256(secret) };
}
