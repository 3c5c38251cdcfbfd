/**
 * The digest a subscriber would get now, rendered but not recorded: for `paperfeed digest
 * preview` and the browser preview page. Nothing is marked as shown and nothing is queued.
 */
import { PaperfeedError } from "../../core/errors.js";
import type { Paper } from "../../core/paper.js";
import type { Cadence, DeliveryStore, Subscriber } from "../../store/delivery-types.js";
import type { Store } from "../../store/types.js";
import { subscriberLinks } from "../subscriptions/links.js";
import { createComposer, openPeriod } from "./compose.js";
import { paperIdsOf } from "./content.js";
import { dailyPeriod, lastCompleteWeek, periodOfKey, type Period } from "./periods.js";
import { renderDigest } from "./render/digest.js";
import type { RenderedMail } from "./render/frame.js";

/** The period a digest of this cadence covers now: the newest announcement day, or the last full week. */
export async function currentPeriod(store: Store, cadence: Cadence, now: Date): Promise<Period | null> {
  if (cadence === "weekly") return lastCompleteWeek(now);
  const [newest] = await store.announcedDays({ limit: 1 });
  return newest ? dailyPeriod(newest.day) : null;
}

export interface PreviewInput {
  store: Store;
  delivery: DeliveryStore;
  subscriber: Subscriber;
  /** Public base URL for the links. */
  base: string;
  /** "2024-01-15" or "2024-W03"; default the current period of the subscriber's cadence. */
  periodKey?: string;
  now?: Date;
}

/** Null when nothing in the period is new to the subscriber. */
export async function previewDigest(input: PreviewInput): Promise<RenderedMail | null> {
  const { store, delivery, subscriber } = input;
  const period = input.periodKey
    ? periodOfKey(input.periodKey)
    : await currentPeriod(store, subscriber.cadence, input.now ?? new Date());
  if (!period) return null;
  const periodPapers = await openPeriod(store, period);
  const content = await createComposer(delivery, periodPapers).compose(
    subscriber,
    await delivery.listSavedSearches(subscriber.id),
  );
  if (!content) return null;
  const papers = new Map<string, Paper>(paperIdsOf(content).map((id) => [id, periodPapers.papers.get(id)!]));
  const links = subscriberLinks(input.base, await delivery.secret("links"), subscriber);
  return renderDigest({ content, papers, links, base: input.base });
}

/** Looks a subscriber up by address for the CLI; a PaperfeedError when there is none. */
export async function requireSubscriber(delivery: DeliveryStore, email: string): Promise<Subscriber> {
  const subscriber = await delivery.getSubscriberByEmail(email);
  if (!subscriber)
    throw new PaperfeedError("actions", "no_subscriber", `no subscriber with address ${email}`, 404);
  return subscriber;
}
