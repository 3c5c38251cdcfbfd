/**
 * Routes of the email subscription. Every link in mail is signed (src/actions/subscriptions);
 * GET never changes anything (mail scanners follow links), POST does. The unsubscribe URL also
 * answers RFC 8058 one-click POSTs (`List-Unsubscribe=One-Click`) from mail clients.
 */
import type { Context, Hono } from "hono";
import { isPaperfeedError } from "../../../core/errors.js";
import { previewDigest } from "../../../actions/digest/preview.js";
import { subscriberLinks } from "../../../actions/subscriptions/links.js";
import {
  confirm,
  subscribe,
  subscriberFromLink,
  unsubscribe,
} from "../../../actions/subscriptions/subscriptions.js";
import type { Cadence, DeliveryStore, Subscriber } from "../../../store/delivery-types.js";
import { csrfGuard } from "../../middleware/csrf.js";
import { readForm } from "../../middleware/form-body.js";
import { type SubscriptionLimits, limitSubscription } from "../../middleware/rate-limit.js";
import type { Store } from "../../../store/types.js";
import { ManagePage, MessagePage, SubscribePage, UnsubscribePage } from "./pages.js";
import { currentViewer } from "../../middleware/session.js";

export interface SubscriptionDeps extends SubscriptionLimits {
  store: Store;
  delivery: () => Promise<DeliveryStore>;
  /** Public base URL. */
  base: string;
}

const cadenceOf = (value: unknown): Cadence => (value === "weekly" ? "weekly" : "daily");
/** A search to keep, as sent by "Save this search"; the store checks its length. */
const savedQueryParam = (value: string | undefined) => (value ?? "").trim().slice(0, 500);

/**
 * Adds `query` to the saved searches of the subscription of `email` when that cannot put words
 * into a stranger's inbox: a subscription still waiting for its confirmation (the confirmation
 * mail decides), or the signed-in member's own. Someone else's active subscription is left alone
 * (and the page does not say so, as it never says whether an address is subscribed).
 */
async function keepSearch(delivery: DeliveryStore, email: string, query: string): Promise<"added" | "pending" | null> {
  const subscriber = await delivery.getSubscriberByEmail(email);
  if (!subscriber) return null;
  const user = currentViewer()?.user;
  const own = Boolean(user && (subscriber.accountId === String(user.id) || user.email.toLowerCase() === subscriber.email.toLowerCase()));
  if (!own && subscriber.status !== "pending") return null;
  const searches = await delivery.listSavedSearches(subscriber.id);
  if (!searches.some((s) => s.query === query)) await delivery.addSavedSearch(subscriber.id, { name: query.slice(0, 100), query, exclude: [] }, new Date().toISOString());
  return own && subscriber.status === "active" ? "added" : "pending";
}
const text = (value: unknown) => (typeof value === "string" ? value : "");

export function mountSubscriptionPages(app: Hono, deps: SubscriptionDeps): void {
  const context = async () => {
    const delivery = await deps.delivery();
    return { delivery, secret: await delivery.secret("links") };
  };
  const manageUrl = (s: Subscriber, secret: string) =>
    subscriberLinks(deps.base, secret, s).manage.slice(deps.base.length);
  const invalidLink = (c: Context) =>
    c.html(
      <MessagePage title="This link does not work" status="400">
        <p>
          The link is incomplete, expired or was made for another address.{" "}
          <a href="/subscribe">Subscribe again</a> to get a new one.
        </p>
      </MessagePage>,
      400,
    );

  app.get("/subscribe", (c) => {
    const query = savedQueryParam(c.req.query("q"));
    return c.html(<SubscribePage query={query} email={currentViewer()?.user?.email ?? ""} />);
  });

  // The form carries the CSRF token, and requests are limited per client and per address, so
  // neither another site nor a script can make this site mail a list of strangers.
  app.post("/subscribe", csrfGuard, async (c) => {
    const form = await readForm(c);
    const email = text(form.email).trim();
    const cadence = cadenceOf(form.cadence);
    const query = savedQueryParam(text(form.query));
    let kept: "added" | "pending" | null = null;
    try {
      await limitSubscription(c, deps, email);
      const ctx = await context();
      await subscribe(ctx, email, cadence);
      if (query) kept = await keepSearch(ctx.delivery, email, query);
    } catch (error) {
      if (isPaperfeedError(error) && (error.id === "invalid_email" || error.status === 429 || error.id === "invalid_saved_search")) {
        const problem =
          error.status === 429
            ? `Too many requests: ${error.message.replace(/^\w+: /, "")}.`
            : error.id === "invalid_saved_search"
              ? `The search cannot be kept: ${error.message.replace(/^\w+: /, "")}.`
              : `“${email}” does not look like an email address.`;
        return c.html(<SubscribePage problem={problem} email={email} cadence={cadence} query={query} />, error.status === 429 ? 429 : 400);
      }
      throw error;
    }
    if (kept === "added") {
      return c.html(
        <MessagePage title="Search saved">
          <p>
            New papers matching <strong>{query}</strong> will be in your digest. <a href="/account/settings#subscriptions">Your saved searches</a>.
          </p>
        </MessagePage>,
      );
    }
    return c.html(
      <MessagePage title="Check your inbox">
        <p>
          If {email} can receive mail, a confirmation link is on its way. Click it to start your {cadence}{" "}
          digest{kept === "pending" ? <>, with new papers matching <strong>{query}</strong></> : null}.
        </p>
        {query && kept !== "pending" && (
          <p>Already receiving the digest? Add the search from the “Manage” link at the foot of any digest.</p>
        )}
      </MessagePage>,
    );
  });

  app.get("/subscriptions/confirm", async (c) => {
    const ctx = await context();
    const subscriber = await confirm(ctx, c.req.query("token") ?? "");
    if (!subscriber) return invalidLink(c);
    return c.html(
      <MessagePage title="Subscription confirmed">
        <p>
          Your {subscriber.cadence} digest will arrive at {subscriber.email}.{" "}
          <a href={manageUrl(subscriber, ctx.secret)}>Add saved searches or change how often</a>.
        </p>
      </MessagePage>,
    );
  });

  const unsubscribePage = async (c: Context) => {
    const token = c.req.query("token") ?? "";
    const ctx = await context();
    if (c.req.method === "GET") {
      const subscriber = await subscriberFromLink(ctx, token, ["unsubscribe", "manage"]);
      return subscriber
        ? c.html(
            <UnsubscribePage
              email={subscriber.email}
              action={c.req.url.slice(c.req.url.indexOf("/subscriptions"))}
              done={false}
            />,
          )
        : invalidLink(c);
    }
    const oneClick = text((await readForm(c))["List-Unsubscribe"]) === "One-Click";
    const subscriber = await unsubscribe(ctx, token);
    if (oneClick) return subscriber ? c.text("unsubscribed\n") : c.text("invalid link\n", 400);
    return subscriber
      ? c.html(<UnsubscribePage email={subscriber.email} action="" done={true} />)
      : invalidLink(c);
  };
  app.get("/subscriptions/unsubscribe", unsubscribePage);
  app.post("/subscriptions/unsubscribe", unsubscribePage);

  app.get("/subscriptions/manage", async (c) => {
    const ctx = await context();
    const subscriber = await subscriberFromLink(ctx, c.req.query("token") ?? "", ["manage"]);
    if (!subscriber) return invalidLink(c);
    const links = subscriberLinks(deps.base, ctx.secret, subscriber);
    const searches = (await ctx.delivery.listSavedSearches(subscriber.id)).map((s) => ({
      ...s,
      feedUrl: links.savedSearchFeed(s.id).slice(deps.base.length),
    }));
    const action = manageUrl(subscriber, ctx.secret);
    const notice = c.req.query("done") ? "Saved." : undefined;
    return c.html(
      <ManagePage
        view={{ subscriber, searches, action, previewUrl: action.replace("/manage?", "/preview?"), notice }}
      />,
    );
  });

  app.post("/subscriptions/manage", async (c) => {
    const ctx = await context();
    const subscriber = await subscriberFromLink(ctx, c.req.query("token") ?? "", ["manage"]);
    if (!subscriber) return invalidLink(c);
    const form = await readForm(c);
    const now = new Date().toISOString();
    const action = text(form.action);
    if (action === "cadence")
      await ctx.delivery.updateSubscriber(subscriber.id, { cadence: cadenceOf(form.cadence), now });
    else if (action === "unsubscribe")
      await ctx.delivery.updateSubscriber(subscriber.id, { status: "unsubscribed", now });
    else if (action === "resubscribe")
      await ctx.delivery.updateSubscriber(subscriber.id, { status: "active", now });
    else if (action === "delete") await ctx.delivery.deleteSavedSearch(subscriber.id, Number(form.id));
    else if (action === "add") {
      const query = text(form.query).trim();
      const exclude = text(form.exclude)
        .split(",")
        .map((e) => e.trim())
        .filter(Boolean);
      try {
        await ctx.delivery.addSavedSearch(
          subscriber.id,
          { name: text(form.name).trim() || query.slice(0, 100), query, exclude },
          now,
        );
      } catch (error) {
        if (!isPaperfeedError(error) || error.id !== "invalid_saved_search") throw error;
        return c.text(`${error.message.replace(/^store: /, "")}\n`, 400);
      }
    }
    return c.redirect(`${manageUrl(subscriber, ctx.secret)}&done=1`, 303);
  });

  app.get("/subscriptions/preview", async (c) => {
    const ctx = await context();
    const subscriber = await subscriberFromLink(ctx, c.req.query("token") ?? "", ["manage"]);
    if (!subscriber) return invalidLink(c);
    const mail = await previewDigest({
      store: deps.store,
      delivery: ctx.delivery,
      subscriber,
      base: deps.base,
    });
    if (!mail) {
      return c.html(
        <MessagePage title="Nothing new yet">
          <p>
            Nothing in the current period is new to you.{" "}
            <a href={manageUrl(subscriber, ctx.secret)}>Back to your subscription</a>.
          </p>
        </MessagePage>,
      );
    }
    return c.html(mail.html);
  });
}
