/**
 * The real app over the delivery fixture (src/deliver/testing): papers on two days, a
 * DeliveryStore, an SMTP sink and a sender, with mail configured or not. For tests only.
 */
import type { Hono } from "hono";
import { createSearchEngine } from "../../search/index.js";
import { BASE, openDeliveryFixture, type DeliveryFixture } from "../../deliver/testing/delivery-fixture.js";
import { createApp } from "../app.js";
import { createLogger } from "../log.js";
import { testConfig } from "./fixture-app.js";

export interface DeliveryApp extends DeliveryFixture {
  app: Hono;
  logged: string[];
}

export async function openDeliveryApp(options: { mail: boolean }): Promise<DeliveryApp> {
  const f = await openDeliveryFixture();
  const search = createSearchEngine();
  for await (const batch of f.store.scanPapers(100)) for (const p of batch) search.add(p);
  const logged: string[] = [];
  const config = testConfig(f.dir, { baseUrl: BASE, smtpUrl: options.mail ? f.sink.url : null });
  const app = createApp({
    store: f.store,
    search,
    config,
    delivery: f.delivery,
    log: createLogger("error", (l) => logged.push(l)),
  });
  return { ...f, app, logged };
}

/** POSTs an HTML form (application/x-www-form-urlencoded) through the app. */
export function postForm(app: Hono, path: string, fields: Record<string, string>): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    }),
  );
}

/** Polls `path` until its body contains `needle` (the mail check runs in the background). */
export async function pageWith(app: Hono, path: string, needle: string, timeoutMs = 5000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const body = await (await app.request(path)).text();
    if (body.includes(needle) || Date.now() > end) return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
