/**
 * Drains the outbox: claims due messages, renders each from its payload, hands it to SMTP and
 * records the outcome. A 4xx answer or a lost connection is retried later with growing delays; a
 * 5xx answer fails the message and suppresses the address, so nothing is ever sent there again.
 * Digests go only to confirmed (active), unsuppressed subscribers; confirmation requests are the
 * only mail a pending address can get.
 */
import { messageOf } from "../core/errors.js";
import type { DeliveryStore, OutboxMessage, OutboxUpdate } from "../store/delivery-types.js";
import type { Store } from "../store/types.js";
import { createRenderCache, renderOutboxMessage, type RenderContext } from "./render-message.js";
import type { MailBreaker } from "./breaker.js";
import type { SmtpClient } from "./smtp.js";

export interface SenderDeps extends RenderContext {
  delivery: DeliveryStore;
  store: Store;
  smtp: SmtpClient;
  /** This process's owner id (owner.ts). */
  owner: string;
  /** Waits before retry number 1, 2, …; default 1 min, 5 min, 30 min, 2 h, 12 h; then the message fails. */
  retryDelaysMs?: readonly number[];
  /** Parallel sends; default 2 (match the SMTP connections). */
  concurrency?: number;
  clock?: () => Date;
  log?: (line: string) => void;
  /** Holds mail while the server cannot be reached (breaker.ts); kept across drains by the outbox job. */
  breaker?: MailBreaker;
}

export interface DrainSummary {
  sent: number;
  retried: number;
  failed: number;
  suppressed: number;
  skipped: number;
}

export const DEFAULT_RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000, 43_200_000] as const;

/** Why a claimed message must not go out, or null when it may. */
async function refusal(deps: SenderDeps, m: OutboxMessage): Promise<string | null> {
  if (await deps.delivery.isSuppressed(m.email)) return "address suppressed";
  if (m.kind === "account") return null;
  const subscriber = await deps.delivery.getSubscriber(m.subscriberId);
  if (!subscriber || subscriber.email !== m.email) return "subscriber gone or address changed";
  if (m.kind === "digest" && subscriber.status !== "active") return `subscriber is ${subscriber.status}`;
  if (m.kind === "confirm" && subscriber.status !== "pending")
    return `subscriber is already ${subscriber.status}`;
  return null;
}

/**
 * Records a message's last outcome. Account mail carries one-time links; they leave the
 * database with it, so a copy of the database taken later opens no account.
 */
function settle(deps: SenderDeps, m: OutboxMessage, update: OutboxUpdate & { status: "sent" | "failed" }) {
  return deps.delivery.updateOutbox(m.key, m.kind === "account" ? { ...update, payload: "{}" } : update);
}

async function sendOne(deps: SenderDeps, m: OutboxMessage, summary: DrainSummary): Promise<void> {
  const now = () => (deps.clock?.() ?? new Date()).toISOString();
  const refused = await refusal(deps, m);
  if (refused) {
    await settle(deps, m, { status: "failed", lastError: `not sent: ${refused}` });
    summary.skipped++;
    return;
  }
  const mail = await renderOutboxMessage(deps, m);
  const outcome = await deps.smtp.send({ from: mail.envelopeFrom, to: m.email }, mail.raw, () =>
    deps.delivery.markHanded(m.key, deps.owner),
  );
  // 421 is a server closing the channel (shutting down, overloaded): as good as no answer.
  const unreachable = !outcome.ok && (outcome.code === null || outcome.code === 421);
  if (!unreachable) deps.breaker?.answered(Date.now());
  if (outcome.ok) {
    await settle(deps, m, { status: "sent", sentAt: now(), lastError: null });
    summary.sent++;
    return;
  }
  if (outcome.permanent) {
    await settle(deps, m, { status: "failed", lastError: outcome.message });
    await deps.delivery.suppress(m.email, `${outcome.code}: ${outcome.message}`.slice(0, 300), now());
    deps.log?.(`deliver: ${m.key}: permanent failure (${outcome.code}); ${m.email} suppressed`);
    summary.failed++;
    summary.suppressed++;
  } else if (unreachable && deps.breaker) {
    // No answer at all: not this message's fault. It keeps its place (first out when the server
    // returns) instead of a retry delay, and the breaker says so once instead of a line per message.
    deps.breaker.unreachable(outcome.message, Date.now());
    await hold(deps, m, summary);
  } else {
    await retryLater(deps, m, outcome.message, summary);
  }
}

/** Gives a claimed message back with its place kept: the server cannot be reached. */
async function hold(deps: SenderDeps, m: OutboxMessage, summary: DrainSummary) {
  await deps.delivery.updateOutbox(m.key, { status: "pending", lastError: "waiting: the mail server cannot be reached" });
  summary.retried++;
}

/** Schedules the next attempt after the delay for this attempt number, or fails the message when none is left. */
async function retryLater(deps: SenderDeps, m: OutboxMessage, problem: string, summary: DrainSummary) {
  const delays = deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  if (m.attempts > delays.length) {
    await settle(deps, m, {
      status: "failed",
      lastError: `gave up after ${m.attempts} attempts: ${problem}`,
    });
    summary.failed++;
    return;
  }
  const retryAt = new Date((deps.clock?.() ?? new Date()).getTime() + delays[m.attempts - 1]!).toISOString();
  await deps.delivery.updateOutbox(m.key, { status: "pending", notBefore: retryAt, lastError: problem });
  deps.log?.(`deliver: ${m.key}: ${problem}; retrying at ${retryAt}`);
  summary.retried++;
}

/**
 * Sends every message due now, batch by batch, until none is left; returns what happened. While
 * the breaker is open, a drain tries one message at most (when a probe is due) and stops.
 */
export async function drainOutbox(given: SenderDeps, batchSize = 100): Promise<DrainSummary> {
  const deps: SenderDeps = { cache: createRenderCache(), ...given };
  const summary: DrainSummary = { sent: 0, retried: 0, failed: 0, suppressed: 0, skipped: 0 };
  const breaker = deps.breaker;
  for (;;) {
    const probing = breaker?.isOpen ?? false;
    if (probing && !breaker!.mayTry(Date.now())) return summary;
    const batch = await deps.delivery.claimOutbox(
      deps.owner,
      (deps.clock?.() ?? new Date()).toISOString(),
      probing ? 1 : batchSize,
    );
    if (batch.length === 0) return summary;
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const m = batch[next++]!;
        try {
          if (breaker?.isOpen && !probing) await hold(deps, m, summary);
          else await sendOne(deps, m, summary);
        } catch (error) {
          // A rendering or store problem: try again later like a 4xx, report, go on.
          await retryLater(deps, m, messageOf(error), summary).catch(() => undefined);
        }
      }
    };
    await Promise.all(Array.from({ length: probing ? 1 : (deps.concurrency ?? 2) }, worker));
  }
}

/** Gives the messages of senders that died (isDead) back to the queue; returns how many. */
export async function recoverDeadSenders(
  delivery: DeliveryStore,
  isDead: (owner: string) => boolean,
  now: string,
): Promise<{ requeued: number; assumedSent: number }> {
  let requeued = 0;
  let assumedSent = 0;
  for (const owner of await delivery.outboxOwners()) {
    if (!isDead(owner)) continue;
    const [r, a] = await delivery.recoverOutbox(owner, now);
    requeued += r;
    assumedSent += a;
  }
  return { requeued, assumedSent };
}
