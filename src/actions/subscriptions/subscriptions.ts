/**
 * Subscribing with only an address (double opt-in), confirming, and leaving. Answers never
 * reveal whether an address is already subscribed or suppressed: the page always says "check
 * your inbox". For members, `DeliveryStore.linkAccount` ties a subscription to their account
 * (`getSubscriberByAccount` finds it), so settings can manage it instead of a signed link.
 */
import type { Cadence, DeliveryStore, Subscriber } from "../../store/delivery-types.js";
import type { ConfirmContent } from "../digest/content.js";
import { readLink, verifyLink, type LinkPurpose } from "./tokens.js";

export interface SubscriptionContext {
  delivery: DeliveryStore;
  secret: string;
  clock?: () => Date;
}

const nowOf = (ctx: SubscriptionContext) => ctx.clock?.() ?? new Date();

/** At most one confirmation request per address per hour, however often the form is sent. */
const confirmKey = (subscriberId: number, now: Date) =>
  `confirm.${subscriberId}.${now.toISOString().slice(0, 13).replace(/[-T:]/g, "")}`;

/** Records the request and queues the confirmation mail; throws store errors for a bad address. */
export async function subscribe(ctx: SubscriptionContext, email: string, cadence: Cadence): Promise<void> {
  const now = nowOf(ctx);
  let { subscriber } = await ctx.delivery.createSubscriber({ email, cadence, now: now.toISOString() });
  if (subscriber.status === "active") return; // already receiving; nothing to confirm
  if (subscriber.status === "unsubscribed" || subscriber.cadence !== cadence) {
    subscriber = (await ctx.delivery.updateSubscriber(subscriber.id, {
      status: "pending",
      cadence,
      now: now.toISOString(),
    }))!;
  }
  if (await ctx.delivery.isSuppressed(subscriber.email)) return;
  const payload: ConfirmContent = { type: "confirm", cadence };
  await ctx.delivery.enqueue(
    {
      key: confirmKey(subscriber.id, now),
      kind: "confirm",
      subscriberId: subscriber.id,
      email: subscriber.email,
      payload: JSON.stringify(payload),
      notBefore: now.toISOString(),
    },
    now.toISOString(),
  );
}

/** The subscriber a link is for, when its token is valid for `purposes`; null otherwise. */
export async function subscriberFromLink(
  ctx: SubscriptionContext,
  token: string,
  purposes: readonly LinkPurpose[],
): Promise<Subscriber | null> {
  const claims = readLink(token);
  if (!claims || !purposes.includes(claims.purpose)) return null;
  const subscriber = await ctx.delivery.getSubscriber(claims.subscriberId);
  if (!subscriber) return null;
  return verifyLink(ctx.secret, token, claims.purpose, subscriber.email, nowOf(ctx).getTime())
    ? subscriber
    : null;
}

/** Activates the subscriber of a valid confirmation link; null for an invalid or expired link. */
export async function confirm(ctx: SubscriptionContext, token: string): Promise<Subscriber | null> {
  const subscriber = await subscriberFromLink(ctx, token, ["confirm"]);
  if (!subscriber) return null;
  if (subscriber.status === "active") return subscriber;
  return ctx.delivery.updateSubscriber(subscriber.id, { status: "active", now: nowOf(ctx).toISOString() });
}

/** Stops all digests for the subscriber of a valid unsubscribe or manage link. */
export async function unsubscribe(ctx: SubscriptionContext, token: string): Promise<Subscriber | null> {
  const subscriber = await subscriberFromLink(ctx, token, ["unsubscribe", "manage"]);
  if (!subscriber) return null;
  return ctx.delivery.updateSubscriber(subscriber.id, {
    status: "unsubscribed",
    now: nowOf(ctx).toISOString(),
  });
}
