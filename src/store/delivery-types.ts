/**
 * The storage contract for mail delivery: subscribers, their saved searches, the outbox of
 * messages to send, the papers each subscriber has already been shown, suppressed addresses, job
 * locks and runs, and secrets. Separate from the papers-only `Store` so each can change alone;
 * both backends implement it (src/store/sqlite/delivery-*.ts, src/store/postgres/delivery-*.ts)
 * and one contract suite (test/store/delivery-contract.ts) runs on both. Times are ISO-8601
 * strings in UTC, passed in by the caller so that tests and the job runner control the clock.
 */

/** How often a subscriber gets a digest. */
export type Cadence = "daily" | "weekly";
export const CADENCES: readonly Cadence[] = ["daily", "weekly"];

/** pending: waits for the confirmation click; active: gets digests; unsubscribed: gets nothing. */
export type SubscriberStatus = "pending" | "active" | "unsubscribed";

export interface Subscriber {
  id: number;
  /** Lower-cased, trimmed; unique. */
  email: string;
  cadence: Cadence;
  status: SubscriberStatus;
  createdAt: string;
  confirmedAt: string | null;
  /** Period key of the last digest queued for this subscriber (e.g. "2024-01-15", "2024-W03"). */
  lastPeriod: string | null;
  /** Seam for accounts: the member who owns this subscription, once accounts exist. */
  accountId: string | null;
}

export interface SavedSearch {
  id: number;
  subscriberId: number;
  /** Shown as the section heading in digests and as the feed title. 1–100 characters. */
  name: string;
  /** A query in paperfeed's query language. 1–500 characters. */
  query: string;
  /** Words or phrases a paper must not contain (title or abstract); at most 20. */
  exclude: string[];
  createdAt: string;
}

export type NewSavedSearch = Pick<SavedSearch, "name" | "query" | "exclude">;

/**
 * pending → sending (claimed by a sender) → handed (the message body is out; only the end of
 * DATA is left) → sent | failed. A sender that dies leaves `sending` rows that go back to
 * pending, and `handed` rows that count as sent (the server may already have accepted them, and
 * sending twice is worse than the microseconds-wide chance of a loss).
 */
export type OutboxStatus = "pending" | "sending" | "handed" | "sent" | "failed";
/** confirm: a subscription's confirmation request; digest; account: a member's account mail (verify, reset, notices). */
export type OutboxKind = "confirm" | "digest" | "account";

export interface NewOutboxMessage {
  /** Idempotency key, also the Message-ID's local part: e.g. "digest.42.2024-01-15". */
  key: string;
  kind: OutboxKind;
  subscriberId: number;
  email: string;
  /** What to render, as JSON (the sender renders at send time, so rows stay small). */
  payload: string;
  /** Earliest send time. */
  notBefore: string;
}

export interface OutboxMessage extends NewOutboxMessage {
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  /** The sender process that claimed it (status sending/handed), else null. */
  owner: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxUpdate {
  status: Exclude<OutboxStatus, "sending">;
  /** For pending: when to try again. */
  notBefore?: string;
  lastError?: string | null;
  sentAt?: string | null;
  /** Replaces what to render: account mail carries one-time links, dropped once it is sent or failed. */
  payload?: string;
}

/** Everything queued with one digest, written in one transaction. */
export interface DigestEnqueue {
  message: NewOutboxMessage;
  /** Papers the digest shows; they are never shown to this subscriber again. */
  shownPaperIds: readonly string[];
  /** Becomes the subscriber's `lastPeriod`. */
  period: string;
}

export interface JobRun {
  job: string;
  period: string;
  status: "running" | "done" | "failed";
  startedAt: string;
  finishedAt: string | null;
  detail: string | null;
}

export interface SubscriberPage {
  /** Only subscribers with this cadence. */
  cadence: Cadence;
  /** Only those whose lastPeriod is null or sorts before this period. */
  duePeriod: string;
  /** Keyset paging: ids greater than this; default 0. */
  afterId?: number;
  /** Default 500, 1–10,000. */
  limit?: number;
}

export interface DeliveryStore {
  /** Creates a pending subscriber, or returns the existing one for this address (created=false). */
  createSubscriber(input: {
    email: string;
    cadence: Cadence;
    now: string;
  }): Promise<{ subscriber: Subscriber; created: boolean }>;
  getSubscriber(id: number): Promise<Subscriber | null>;
  getSubscriberByEmail(email: string): Promise<Subscriber | null>;
  /** Changes cadence and/or status (active sets confirmedAt once); null when the id is unknown. */
  updateSubscriber(
    id: number,
    patch: { cadence?: Cadence; status?: SubscriberStatus; now: string },
  ): Promise<Subscriber | null>;
  /**
   * The seam for accounts: ties a subscription to a member (null unties it), so the member's
   * settings page can manage it without signed links.
   */
  linkAccount(subscriberId: number, accountId: string | null): Promise<Subscriber | null>;
  /** The member's subscription (the oldest, should there be several). */
  getSubscriberByAccount(accountId: string): Promise<Subscriber | null>;
  /** Active subscribers with a digest due, not suppressed, in id order. */
  dueSubscribers(page: SubscriberPage): Promise<Subscriber[]>;
  countSubscribers(status?: SubscriberStatus): Promise<number>;

  addSavedSearch(subscriberId: number, search: NewSavedSearch, now: string): Promise<SavedSearch>;
  /** One subscriber's saved searches, oldest first. */
  listSavedSearches(subscriberId: number): Promise<SavedSearch[]>;
  /** Saved searches of many subscribers at once (digest batches), oldest first per subscriber. */
  savedSearchesOf(subscriberIds: readonly number[]): Promise<Map<number, SavedSearch[]>>;
  getSavedSearch(id: number): Promise<SavedSearch | null>;
  /** Deletes only when the search belongs to `subscriberId`; false otherwise. */
  deleteSavedSearch(subscriberId: number, id: number): Promise<boolean>;

  /** Queues one message; false (and nothing written) when its key is already queued. */
  enqueue(message: NewOutboxMessage, now: string): Promise<boolean>;
  /**
   * Queues digests, each with its shown papers and the subscriber's period, all in one transaction;
   * per digest, false (and nothing written for it) when its key was already queued.
   */
  enqueueDigests(digests: readonly DigestEnqueue[], now: string): Promise<boolean[]>;
  /** Marks up to `limit` due pending messages `sending` for `owner` and returns them, oldest first. */
  claimOutbox(owner: string, now: string, limit: number): Promise<OutboxMessage[]>;
  /** Moves a message `owner` holds to `handed`; false when the owner no longer holds it. */
  markHanded(key: string, owner: string): Promise<boolean>;
  updateOutbox(key: string, update: OutboxUpdate): Promise<void>;
  getOutbox(key: string): Promise<OutboxMessage | null>;
  countOutbox(status?: OutboxStatus): Promise<number>;
  /** Owners holding `sending`/`handed` messages. */
  outboxOwners(): Promise<string[]>;
  /** For a dead owner: its `sending` messages back to pending, its `handed` ones to sent. Returns [requeued, assumedSent]. */
  recoverOutbox(owner: string, now: string): Promise<[number, number]>;

  /** Which of `paperIds` this subscriber has been shown already. */
  shownPapers(subscriberId: number, paperIds: readonly string[]): Promise<Set<string>>;

  /** Stops all mail to an address (hard bounce, complaint); idempotent. */
  suppress(email: string, reason: string, now: string): Promise<void>;
  isSuppressed(email: string): Promise<boolean>;

  /** Takes or renews a named lock until `until`; succeeds when free, expired, already ours, or held by an owner `isDead` says is gone. */
  acquireLock(
    name: string,
    owner: string,
    now: string,
    until: string,
    isDead?: (owner: string) => boolean,
  ): Promise<boolean>;
  releaseLock(name: string, owner: string): Promise<void>;
  /** Records the start of (job, period); false when that period already finished (done). */
  startJobRun(job: string, period: string, now: string): Promise<boolean>;
  finishJobRun(
    job: string,
    period: string,
    status: "done" | "failed",
    detail: string | null,
    now: string,
  ): Promise<void>;
  /** Latest runs of a job, newest first. */
  jobRuns(job: string, limit?: number): Promise<JobRun[]>;

  /** A random secret by name, created on first use and stable afterwards (signed links). */
  secret(name: string): Promise<string>;
  close(): Promise<void>;
}
