/** Row mapping and input checks both API token backends share. */
import { PaperfeedError } from "../core/errors.js";
import type { ApiToken, NewApiToken } from "./api-token-types.js";

type Row = Record<string, unknown>;

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function apiTokenOf(row: Row): ApiToken {
  return {
    id: Number(row.id),
    email: String(row.email),
    accountId: text(row.account_id),
    name: String(row.name),
    prefix: String(row.prefix),
    createdAt: String(row.created_at),
    lastUsedAt: text(row.last_used_at),
    revokedAt: text(row.revoked_at),
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Normalised copy of a new token, or a PaperfeedError naming the bad field. */
export function validateNewApiToken(input: NewApiToken): NewApiToken {
  const email = String(input.email ?? "").trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) {
    throw new PaperfeedError("store", "invalid_email", `api token: "${input.email}" is not an email address`, 400);
  }
  const name = String(input.name ?? "").trim();
  if (name.length < 1 || name.length > 100) {
    throw new PaperfeedError("store", "invalid_token_name", "api token: name must be 1–100 characters", 400);
  }
  if (!/^[0-9a-f]{64}$/.test(input.tokenHash)) {
    throw new PaperfeedError("store", "invalid_token_hash", "api token: hash must be 64 lower-case hex digits", 400);
  }
  return { ...input, email, name };
}
