/**
 * POST /api/subscriptions {"email", "cadence"?: "daily" | "weekly"} → 202: a confirmation mail
 * is queued (the answer is the same whether or not the address was known, so the API does not
 * reveal who subscribes). 400 with {"error": {...}} for a malformed body or address.
 */
import type { Hono } from "hono";
import { z } from "zod";
import { subscribe } from "../../../actions/subscriptions/subscriptions.js";
import { isPaperfeedError } from "../../../core/errors.js";
import type { DeliveryStore } from "../../../store/delivery-types.js";

const Body = z.object({ email: z.string().max(254), cadence: z.enum(["daily", "weekly"]).default("daily") });

export function mountSubscriptionApi(app: Hono, deps: { delivery: () => Promise<DeliveryStore> }): void {
  app.post("/api/subscriptions", async (c) => {
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
