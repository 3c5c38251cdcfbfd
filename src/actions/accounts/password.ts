/**
 * Password hashing with node:crypto scrypt. The stored form carries its parameters and salt,
 * `scrypt$N$r$p$salt$hash` (base64url), so they can be raised later without breaking old hashes.
 * Passwords are never stored, logged or put in an error message.
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { PaperfeedError } from "../../core/errors.js";

/** Cost 2^14, block 8, parallel 1: about 50 ms and 16 MiB per hash, OWASP's scrypt minimum. */
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

/** 10–200 characters; length is the one rule that helps (NIST SP 800-63B). */
export function checkPasswordRules(password: string): void {
  if (typeof password !== "string" || password.length < 10) throw new PaperfeedError("actions", "weak_password", "a password needs at least 10 characters");
  if (password.length > 200) throw new PaperfeedError("actions", "weak_password", "a password may have at most 200 characters");
}

const derive = (password: string, salt: Buffer, N: number, r: number, p: number) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_BYTES, { N, r, p, maxmem: 128 * N * r * 2 }, (err, key) => (err ? reject(err) : resolve(key))),
  );

export async function hashPassword(password: string): Promise<string> {
  checkPasswordRules(password);
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS.N, PARAMS.r, PARAMS.p);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** True when `password` matches the stored hash; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = String(stored).split("$");
  if (scheme !== "scrypt" || !salt || !hash || typeof password !== "string" || password.length > 200) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await derive(password, Buffer.from(salt, "base64url"), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash no password matches, verified against when the address is unknown so timing does not tell. */
export const UNMATCHABLE_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${randomBytes(16).toString("base64url")}$${randomBytes(KEY_BYTES).toString("base64url")}`;
