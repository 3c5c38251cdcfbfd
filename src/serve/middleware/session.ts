/**
 * Who is asking: reads the session cookie, looks the member up, and makes the viewer (member or
 * null, and the CSRF token for forms) available to every component through AsyncLocalStorage,
 * so pages rendered by other parts of the site can show the account links without knowing
 * about accounts. Cookies are httpOnly and SameSite=Lax, and Secure when the site is served
 * over https (its baseUrl).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { serialize, type CookieOptions } from "hono/utils/cookie";
import { SESSION_DAYS, sessionUser } from "../../actions/accounts/accounts.js";
import type { CommunityStore, User } from "../../store/community-types.js";
import { csrfTokenFor } from "./csrf.js";

export const SESSION_COOKIE = "pf_session";
/** A random per-browser value the CSRF token is derived from (signed double submit). */
export const CSRF_COOKIE = "pf_csrf";

export interface Viewer {
  user: User | null;
  /**
   * The value every state-changing form of this page must send back as `_csrf`. Made when first
   * read: a page without a form (most pages an anonymous reader sees) costs no token and sets no
   * cookie.
   */
  readonly csrf: string;
  /** The token if this request has made it (a form or the CSRF check read it), else null. */
  readonly issuedCsrf: string | null;
}

const viewers = new AsyncLocalStorage<Viewer>();

/** The viewer of the request being handled; null where the community is not mounted. */
export const currentViewer = (): Viewer | null => viewers.getStore() ?? null;

export interface SessionDeps {
  community: () => Promise<CommunityStore>;
  /** Secret for CSRF tokens (from the community store, cached by the caller). */
  secret: () => Promise<string>;
  /** Set the Secure flag (the site is served over https). */
  secure: boolean;
}

export function cookieOptions(secure: boolean, maxAgeSeconds?: number): CookieOptions {
  return { path: "/", httpOnly: true, sameSite: "Lax", secure, ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }) };
}

export const sessionCookie = (value: string, secure: boolean) => serialize(SESSION_COOKIE, value, cookieOptions(secure, SESSION_DAYS * 86_400));
export const clearedSessionCookie = (secure: boolean) => serialize(SESSION_COOKIE, "", cookieOptions(secure, 0));

/** Paths that never render a form or need a member: assets, the JSON API, health checks, feeds. */
const SKIP = /^\/(static|api|healthz|feeds?)(\/|$)/;

export function sessionMiddleware(deps: SessionDeps): MiddlewareHandler {
  return async (c: Context, next) => {
    if (SKIP.test(c.req.path)) return next();
    const session = getCookie(c, SESSION_COOKIE);
    const sent = getCookie(c, CSRF_COOKIE);
    const freshSeed = !sent || !/^[A-Za-z0-9_-]{20,64}$/.test(sent);
    const user = session ? await sessionUser({ community: await deps.community(), mailer: null, baseUrl: "" }, session) : null;
    const secret = await deps.secret();
    let seed = freshSeed ? null : sent!;
    let token: string | null = null;
    const viewer: Viewer = {
      user,
      get csrf() {
        seed ??= randomBytes(18).toString("base64url");
        return (token ??= csrfTokenFor(secret, seed, user ? session! : ""));
      },
      get issuedCsrf() {
        return token;
      },
    };
    await viewers.run(viewer, () => next());
    // The seed goes out only with a page that carries a token made from it.
    if (freshSeed && token !== null) appendCookie(c, serialize(CSRF_COOKIE, seed!, cookieOptions(deps.secure)));
    if (session && !user) appendCookie(c, clearedSessionCookie(deps.secure));
  };
}

/** Adds a Set-Cookie header to the finished response (copying it when its headers are frozen). */
export function appendCookie(c: Context, cookie: string): void {
  try {
    c.res.headers.append("Set-Cookie", cookie);
  } catch {
    const headers = new Headers(c.res.headers);
    headers.append("Set-Cookie", cookie);
    c.res = new Response(c.res.body, { status: c.res.status, headers });
  }
}
