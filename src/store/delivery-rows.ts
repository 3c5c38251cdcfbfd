/**
 * What both delivery backends share: checks at the boundary (addresses, saved searches) and the
 * mapping from database rows (snake_case) to the contract's objects.
 */
import { PaperfeedError } from "../core/errors.js";
import type {
  Cadence,
  JobRun,
  NewSavedSearch,
  OutboxMessage,
  SavedSearch,
  Subscriber,
} from "./delivery-types.js";
import { CADENCES } from "./delivery-types.js";

/** A practical address check (RFC 5321 lengths, one @, a dotted domain); real proof is the confirmation click. */
const EMAIL =
  /^[^\s@<>()[\]\\,;:"]{1,64}@(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function normalizeEmail(raw: string): string {
  const email = String(raw ?? "")
    .trim()
    .toLowerCase();
  if (!EMAIL.test(email))
    throw new PaperfeedError(
      "store",
      "invalid_email",
      `"${String(raw).slice(0, 80)}" is not an email address`,
    );
  return email;
}

export function requireCadence(cadence: string): Cadence {
  if (!CADENCES.includes(cadence as Cadence)) {
    throw new PaperfeedError(
      "store",
      "invalid_cadence",
      `cadence must be ${CADENCES.join(" or ")}, got ${cadence}`,
    );
  }
  return cadence as Cadence;
}

/** Saved-search limits: name 1–100 chars, query 1–500, at most 20 exclusions of 1–100 chars. */
export function validateSavedSearch(search: NewSavedSearch): NewSavedSearch {
  const bad = (what: string) => new PaperfeedError("store", "invalid_saved_search", `saved search: ${what}`);
  const name = String(search.name ?? "").trim();
  const query = String(search.query ?? "").trim();
  if (name.length < 1 || name.length > 100) throw bad("name must be 1–100 characters");
  if (query.length < 1 || query.length > 500) throw bad("query must be 1–500 characters");
  const exclude = [...new Set((search.exclude ?? []).map((e) => String(e).trim()).filter(Boolean))];
  if (exclude.length > 20 || exclude.some((e) => e.length > 100))
    throw bad("at most 20 exclusions of at most 100 characters");
  return { name, query, exclude };
}

type Row = Record<string, unknown>;
const str = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v);

export const subscriberOf = (r: Row): Subscriber => ({
  id: Number(r.id),
  email: String(r.email),
  cadence: r.cadence as Cadence,
  status: r.status as Subscriber["status"],
  createdAt: str(r.created_at)!,
  confirmedAt: str(r.confirmed_at),
  lastPeriod: str(r.last_period),
  accountId: str(r.account_id),
});

export const savedSearchOf = (r: Row): SavedSearch => ({
  id: Number(r.id),
  subscriberId: Number(r.subscriber_id),
  name: String(r.name),
  query: String(r.query),
  exclude: typeof r.exclude === "string" ? (JSON.parse(r.exclude) as string[]) : (r.exclude as string[]),
  createdAt: str(r.created_at)!,
});

export const outboxOf = (r: Row): OutboxMessage => ({
  key: String(r.key),
  kind: r.kind as OutboxMessage["kind"],
  subscriberId: Number(r.subscriber_id),
  email: String(r.email),
  payload: String(r.payload),
  notBefore: str(r.not_before)!,
  status: r.status as OutboxMessage["status"],
  attempts: Number(r.attempts),
  lastError: str(r.last_error),
  owner: str(r.owner),
  createdAt: str(r.created_at)!,
  sentAt: str(r.sent_at),
});

export const jobRunOf = (r: Row): JobRun => ({
  job: String(r.job),
  period: String(r.period),
  status: r.status as JobRun["status"],
  startedAt: str(r.started_at)!,
  finishedAt: str(r.finished_at),
  detail: str(r.detail),
});

/** Page size for `dueSubscribers`: default 500, 1–10,000. */
export function dueLimit(limit: number | undefined): number {
  const n = limit ?? 500;
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new PaperfeedError("store", "invalid_option", `limit must be an integer 1–10000, got ${n}`);
  return n;
}
