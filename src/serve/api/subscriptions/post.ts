/**
 * POST /api/subscriptions {"email", "cadence"?: "daily" | "weekly"} → 202: a confirmation mail
 * is queued (the answer is the same whether or not the address was known, so the API does not
 * reveal who subscribes). 400 with {"error": {...}} for a malformed body or address; 415 unless
 * the body is declared JSON (a form on another site cannot send that without the browser asking
 * first, so this is the API's CSRF protection); 429 past the per-client or per-address limit.
 */
import type { Hono } from "hono";
import { z } from "zod";
import { subscribe } from "../../../actions/subscriptions/subscriptions.js";
import { PaperfeedError, isPaperfeedError } from "../../../core/errors.js";
import { type SubscriptionLimits, limitSubscription } from "../../middleware/rate-limit.js";
import type { DeliveryStore } from "../../../store/delivery-types.js";

const Body = z.object({ email: z.string().max(254), cadence: z.enum(["daily", "weekly"]).default("daily") });

export function mountSubscriptionApi(app: Hono, deps: SubscriptionLimits & { delivery: () => Promise<DeliveryStore> }): void {
  app.post("/api/subscriptions", async (c) => {
    if (!/^application\/json\s*(;|$)/i.test(c.req.header("content-type") ?? ""))
      throw new PaperfeedError("serve", "unsupported_media_type", "send the body as JSON with Content-Type: application/json", 415);
    const parsed = Body.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) {
      return c.json(
        {
          error: {
            id: "invalid_request",
            message: 'send JSON {"email": "...", "cadence": "daily" | "weekly"}',
          },
        },
        400,
      );
    }
    await limitSubscription(c, deps, parsed.data.email);
    const delivery = await deps.delivery();
    try {
      await subscribe(
        { delivery, secret: await delivery.secret("links") },
        parsed.data.email,
        parsed.data.cadence,
      );
    } catch (error) {
      if (isPaperfeedError(error) && error.id === "invalid_email")
        return c.json({ error: { id: error.id, message: error.message } }, 400);
      throw error;
    }
    return c.json({ status: "confirmation_queued" }, 202);
  });
}
