/**
 * CSRF protection for every state-changing form of the community pages: a signed double submit.
 * Each browser holds a random httpOnly cookie; forms carry HMAC(secret, cookie + session), which
 * another site can neither read nor compute. Bound to the session, a token stops working when
 * the member signs out or in as someone else. Requests may send it as the `_csrf` form field or
 * the `X-CSRF-Token` header (the fetch enhancement).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { PaperfeedError } from "../../core/errors.js";
import { readForm } from "./form-body.js";
import { currentViewer } from "./session.js";

export const csrfTokenFor = (secret: string, seed: string, session: string) =>
  createHmac("sha256", secret).update(`${seed}.${session}`).digest("base64url");

export const CSRF_FIELD = "_csrf";

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Refuses (403) a request whose token does not match this browser's and session's. */
export const csrfGuard: MiddlewareHandler = async (c, next) => {
  const viewer = currentViewer();
  let sent = c.req.header("x-csrf-token") ?? "";
  if (!sent && /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(c.req.header("content-type") ?? "")) {
    const field = (await readForm(c))[CSRF_FIELD];
    sent = typeof field === "string" ? field : "";
  }
  if (!viewer || !sent || !same(sent, viewer.csrf)) {
    throw new PaperfeedError("serve", "csrf_failed", "this form has expired or did not come from this site; reload the page and try again", 403);
  }
  return next();
};
