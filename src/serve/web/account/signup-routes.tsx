/**
 * Sign-up where the site sends no mail (no SMTP server configured): `/account/signup` makes an
 * account that is active at once and signs it in — the first one on the instance becomes its
 * admin — and `/account/reset` explains that no reset can be mailed instead of answering 404.
 * With mail, account-routes.tsx serves these paths (confirmation by a mailed link).
 */
import type { Hono } from "hono";
import { signUpWithoutMail, startSession } from "../../../actions/accounts/accounts.js";
import { isPaperfeedError } from "../../../core/errors.js";
import { csrfGuard } from "../../middleware/csrf.js";
import { clientAddress, limitRate } from "../../middleware/rate-limit.js";
import { sessionCookie } from "../../middleware/session.js";
import { MessagePage } from "./pages.js";
import { type CommunityWebDeps, accountContext, formOf, isSecure } from "../community-deps.js";
import { SignUpPage } from "./signup-page.js";

export function mountMaillessSignUp(app: Hono, deps: CommunityWebDeps): void {
  if (deps.mailer !== null) return;

  app.get("/account/signup", (c) => c.html(<SignUpPage state={{}} mailOn={false} />));

  app.post("/account/signup", csrfGuard, async (c) => {
    const field = await formOf(c);
    const state = { email: field("email"), displayName: field("displayName") };
    try {
      await limitRate(await deps.community(), `signup:client:${clientAddress(c)}`, deps.limits.signUp, deps.clock?.());
      const ctx = await accountContext(deps);
      const user = await signUpWithoutMail(ctx, { ...state, password: field("password") });
      c.header("Set-Cookie", sessionCookie(await startSession(ctx, user.id), isSecure(deps.config)), { append: true });
      return c.redirect("/daily?notice=welcome-no-mail", 303);
    } catch (error) {
      // A taken address, a short password, too many tries: said on the form; anything else is a fault.
      if (!isPaperfeedError(error) || error.status >= 500) throw error;
      return c.html(<SignUpPage state={{ ...state, error: error.message.replace(/^\w+: /, "") }} mailOn={false} />, error.status as 400);
    }
  });

  app.get("/account/reset", (c) =>
    c.html(<MessagePage title="Reset your password" status="info" message="This site sends no mail, so passwords cannot be reset by email. Ask whoever runs this site for help." />),
  );
}
