/** Turns an outbox row into the raw message to send: payload → rendered parts → MIME. */
import { PaperfeedError } from "../core/errors.js";
import type { DeliveryStore, OutboxMessage } from "../store/delivery-types.js";
import type { Store } from "../store/types.js";
import { paperIdsOf, type OutboxPayload } from "../actions/digest/content.js";
import { subscriberLinks } from "../actions/subscriptions/links.js";
import { buildMime } from "./mime.js";
import { renderConfirm } from "../actions/digest/render/confirm.js";
import { renderDigest, type PaperFragments } from "../actions/digest/render/digest.js";
import type { Paper } from "../core/paper.js";
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
  /** Papers and rendered papers reused across messages (see `createRenderCache`). */
  cache?: RenderCache;
}

export interface RenderCache {
  papers: Map<string, Paper>;
  fragments: Map<string, PaperFragments>;
}

/** Most papers a render cache keeps before it starts over. */
const PAPER_CACHE_SIZE = 20_000;

export const createRenderCache = (): RenderCache => ({ papers: new Map(), fragments: new Map() });

/** The papers of `ids` that exist, from the cache or the store. */
async function papersFor(ctx: RenderContext, ids: string[]): Promise<Map<string, Paper>> {
  const cache = ctx.cache?.papers;
  const missing = cache ? ids.filter((id) => !cache.has(id)) : ids;
  const found = missing.length ? await ctx.store.getPapers(missing) : [];
  if (!cache) return new Map(found.map((p) => [p.id, p]));
  if (cache.size + found.length > PAPER_CACHE_SIZE) cache.clear();
  for (const p of found) cache.set(p.id, p);
  return new Map(ids.flatMap((id) => (cache.has(id) ? [[id, cache.get(id)!] as const] : [])));
}

export interface RenderedOutboxMessage extends RenderedMail {
  raw: Buffer;
  envelopeFrom: string;
}

export const hostOf = (base: string) => new URL(base).hostname.replace(/^\[|\]$/g, "");

export function envelopeAddress(from: string): string {
  const [first] = addressparser(from, { flatten: true });
  if (!first?.address)
    throw new PaperfeedError("deliver", "invalid_from", `mail sender "${from}" has no address`);
  return first.address;
}

export async function renderOutboxMessage(
  ctx: RenderContext,
  m: OutboxMessage,
): Promise<RenderedOutboxMessage> {
  if (m.kind === "account") return renderAccountMail(ctx, m);
  const payload = JSON.parse(m.payload) as OutboxPayload;
  const links = subscriberLinks(ctx.base, ctx.secret, { id: m.subscriberId, email: m.email });
  let mail: RenderedMail;
  if (payload.type === "confirm") {
    // The link's 7 days start when the request was queued, so a retried message carries the same link.
    mail = renderConfirm({
      confirmUrl: links.confirm(Date.parse(m.createdAt)),
      cadence: payload.cadence,
      siteUrl: ctx.base,
    });
  } else {
    const papers = await papersFor(ctx, paperIdsOf(payload));
    mail = renderDigest({
      content: payload,
      papers,
      links,
      base: ctx.base,
      ...(ctx.cache ? { fragments: ctx.cache.fragments } : {}),
    });
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

/** Account mail is queued already written (account-mailer.ts); only the MIME is left to build. */
async function renderAccountMail(ctx: RenderContext, m: OutboxMessage): Promise<RenderedOutboxMessage> {
  const mail = JSON.parse(m.payload) as Partial<RenderedMail>;
  if (typeof mail.subject !== "string" || typeof mail.text !== "string" || typeof mail.html !== "string")
    throw new PaperfeedError("deliver", "invalid_payload", `outbox ${m.key}: account mail without subject, text and html`);
  const parts: RenderedMail = { subject: mail.subject, text: mail.text, html: mail.html };
  const raw = await buildMime({ ...parts, key: m.key, from: ctx.from, to: m.email, host: hostOf(ctx.base) });
  return { ...parts, raw, envelopeFrom: envelopeAddress(ctx.from) };
}
