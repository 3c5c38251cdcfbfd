/**
 * /account/*: sign up (when mail can be sent), verify by emailed link, sign in and out, reset
 * a password by emailed link. Every POST carries the CSRF token; sign-in, sign-up and reset
 * requests are rate limited. Wrong credentials get one message whichever part was wrong.
 */
import type { Context, Hono } from "hono";
import * as accounts from "../../../actions/accounts/accounts.js";
import { isPaperfeedError } from "../../../core/errors.js";
import { csrfGuard } from "../../middleware/csrf.js";
import { type Limit, checkFailures, clientAddress, countFailure, limitRate } from "../../middleware/rate-limit.js";
import { clearedSessionCookie, currentViewer, sessionCookie, SESSION_COOKIE } from "../../middleware/session.js";
import { ChoosePasswordPage, MessagePage, ResetRequestPage, SignInPage, SignUpPage } from "./pages.js";
import { noticeText } from "../community-form.js";
import { type CommunityWebDeps, accountContext, formOf, isSecure, localPath } from "../community-deps.js";
import { getCookie } from "hono/cookie";

/** A PaperfeedError's message for the form (4xx only; anything else is rethrown). */
function formError(error: unknown): string {
  if (isPaperfeedError(error) && error.status < 500) return error.message.replace(/^\w+: /, "");
  throw error;
}

export function mountAccountRoutes(app: Hono, deps: CommunityWebDeps): void {
  const canSignUp = deps.mailer !== null;
  const secure = isSecure(deps.config);
  const limited = async (key: string, limit: Limit) => limitRate((await deps.community()), key, limit, deps.clock?.());

  app.get("/account/signin", (c) => {
    if (currentViewer()?.user) return c.redirect(localPath(c.req.query("next"), "/"), 303);
    return c.html(<SignInPage state={{ info: noticeText(c.req.query("notice")) }} canSignUp={canSignUp} />);
  });

  app.post("/account/signin", csrfGuard, async (c) => {
    const field = await formOf(c);
    const email = field("email").trim().toLowerCase();
    const again = (error: string, status: 401 | 429) => c.html(<SignInPage state={{ error, email }} canSignUp={canSignUp} />, status);
    // Wrong passwords count per (account, client) and, more slowly, per account: a stranger's
    // guesses make the stranger wait, not the owner signing in from elsewhere.
    const client = clientAddress(c);
    const failures = [
      { key: `signin:fail:${email}:${client}`, limit: deps.limits.signIn },
      { key: `signin:fail:${email}`, limit: deps.limits.signInPerAccount },
    ];
    const community = await deps.community();
    const now = deps.clock?.();
    try {
      await limited(`signin:client:${client}`, deps.limits.signInPerClient);
      for (const f of failures) await checkFailures(community, f.key, f.limit, now);
    } catch (error) {
      return again(formError(error), 429);
    }
    const result = await accounts.signIn(await accountContext(deps), email, field("password"));
    if (!result) {
      for (const f of failures) await countFailure(community, f.key, f.limit, now);
      return again("That email and password do not match an account.", 401);
    }
    appendCookieLater(c, sessionCookie(result.session, secure));
    return c.redirect(localPath(c.req.query("next") ?? field("next"), "/"), 303);
  });

  app.post("/account/signout", csrfGuard, async (c) => {
    const session = getCookie(c, SESSION_COOKIE);
    if (session) await accounts.signOut(await accountContext(deps), session);
    appendCookieLater(c, clearedSessionCookie(secure));
    return c.redirect("/account/signin?notice=signed-out", 303);
  });

  app.get("/account/verify", async (c) => {
    const ctx = await accountContext(deps);
    const user = await accounts.verifyEmail(ctx, c.req.query("token") ?? "");
    if (!user) return c.html(<MessagePage title="Link not valid" status="error" message="This confirmation link has expired or was used already. Sign in to get a new one." />, 400);
    // The link came to the address, which proves it as a password would: sign the member in.
    if (!currentViewer()?.user) appendCookieLater(c, sessionCookie(await accounts.startSession(ctx, user.id), secure));
    return c.redirect("/daily?notice=verified", 303);
  });

  if (!canSignUp) return;

  app.get("/account/signup", (c) => c.html(<SignUpPage state={{}} />));

  app.post("/account/signup", csrfGuard, async (c) => {
    const field = await formOf(c);
    const state = { email: field("email"), displayName: field("displayName") };
    try {
      await limited(`signup:client:${clientAddress(c)}`, deps.limits.signUp);
      // The same answer, and no session, whether the address was free (a verification link is on
      // its way) or has an account (its owner gets a note): who has an account stays private.
      await accounts.signUp(await accountContext(deps), { ...state, password: field("password") });
      return c.redirect("/account/signin?notice=verify-sent", 303);
    } catch (error) {
      const message = formError(error);
      return c.html(<SignUpPage state={{ ...state, error: message }} />, isPaperfeedError(error) ? (error.status as 400) : 400);
    }
  });

  app.post("/account/verify/resend", csrfGuard, async (c) => {
    const user = currentViewer()?.user;
    if (user) {
      await limited(`reset:user:${user.id}`, deps.limits.reset);
      await accounts.sendVerification(await accountContext(deps), user);
    }
    return c.redirect("/daily?notice=verify-sent", 303);
  });

  app.get("/account/reset", (c) => {
    const token = c.req.query("token");
    return c.html(token ? <ChoosePasswordPage token={token} state={{}} /> : <ResetRequestPage state={{}} />);
  });

  app.post("/account/reset", csrfGuard, async (c) => {
    const field = await formOf(c);
    try {
      await limited(`reset:client:${clientAddress(c)}`, deps.limits.reset);
      await limited(`reset:email:${field("email").trim().toLowerCase()}`, deps.limits.reset);
      await accounts.requestPasswordReset(await accountContext(deps), field("email"));
    } catch (error) {
      return c.html(<ResetRequestPage state={{ error: formError(error), email: field("email") }} />, 429);
    }
    return c.html(<ResetRequestPage state={{ info: noticeText("reset-sent") }} />);
  });

  app.post("/account/reset/confirm", csrfGuard, async (c) => {
    const field = await formOf(c);
    try {
      const user = await accounts.resetPassword(await accountContext(deps), field("token"), field("password"));
      if (!user) return c.html(<MessagePage title="Link not valid" status="error" message="This reset link has expired or was used already. Ask for a new one." />, 400);
    } catch (error) {
      return c.html(<ChoosePasswordPage token={field("token")} state={{ error: formError(error) }} />, 400);
    }
    return c.redirect("/account/signin?notice=password-set", 303);
  });
}

/** Set-Cookie on the response the handler is about to return (headers set before c.redirect). */
function appendCookieLater(c: Context, cookie: string): void {
  c.header("Set-Cookie", cookie, { append: true });
}

