/** Turns an outbox row into the raw message to send: payload → rendered parts → MIME. */
import { PaperfeedError } from "../core/errors.js";
import type { DeliveryStore, OutboxMessage } from "../store/delivery-types.js";
import type { Store } from "../store/types.js";
import { paperIdsOf, type OutboxPayload } from "../actions/digest/content.js";
import { subscriberLinks } from "../actions/subscriptions/links.js";
import { buildMime } from "./mime.js";
import { renderConfirm } from "../actions/digest/render/confirm.js";
import { renderDigest } from "../actions/digest/render/digest.js";
import type { RenderedMail } from "../actions/digest/render/frame.js";
import addressparser from "nodemailer/lib/addressparser";

export interface RenderContext {
  delivery: DeliveryStore;
  store: Store;
  /** Public base URL of the site, no trailing slash. */
  base: string;
  /** From header, e.g. "paperfeed <paperfeed@example.org>". */
  from: string;
  /** Secret for signed links (delivery.secret("links")). */
  secret: string;
  clock?: () => Date;
}

export interface RenderedOutboxMessage extends RenderedMail {
  raw: Buffer;
  envelopeFrom: string;
}

export const hostOf = (base: string) => new URL(base).hostname.replace(/^\[|\]$/g, "");

export function envelopeAddress(from: string): string {
  const [first] = addressparser(from, { flatten: true });
  if (!first?.address) throw new PaperfeedError("deliver", "invalid_from", `mail sender "${from}" has no address`);
  return first.address;
}

export async function renderOutboxMessage(ctx: RenderContext, m: OutboxMessage): Promise<RenderedOutboxMessage> {
  const payload = JSON.parse(m.payload) as OutboxPayload;
  const links = subscriberLinks(ctx.base, ctx.secret, { id: m.subscriberId, email: m.email });
  let mail: RenderedMail;
  if (payload.type === "confirm") {
    // The link's 7 days start when the request was queued, so a retried message carries the same link.
    mail = renderConfirm({ confirmUrl: links.confirm(Date.parse(m.createdAt)), cadence: payload.cadence, siteUrl: ctx.base });
  } else {
    const papers = new Map((await ctx.store.getPapers(paperIdsOf(payload))).map((p) => [p.id, p]));
    mail = renderDigest({ content: payload, papers, links, base: ctx.base });
  }
  const raw = await buildMime({
    ...mail,
    key: m.key,
    from: ctx.from,
    to: m.email,
    host: hostOf(ctx.base),
    ...(payload.type === "digest" ? { unsubscribeUrl: links.unsubscribe } : {}),
  });
  return { ...mail, raw, envelopeFrom: envelopeAddress(ctx.from) };
}
