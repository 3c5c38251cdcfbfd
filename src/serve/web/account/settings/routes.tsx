/**
 * `/account/settings` and its forms: display name, password, email change (the link goes to the
 * new address through the outbox; without mail the page says the address cannot change), the
 * follow setting (POST /account/settings, as before), the JSON export and account deletion.
 * Every POST is CSRF-checked; a bad field re-renders the page with the error beside its form.
 */
import type { Context, Hono } from "hono";
import { deleteAccount } from "../../../../actions/accounts/delete-account.js";
import { confirmEmailChange, requestEmailChange } from "../../../../actions/accounts/email-change.js";
import { exportMemberData } from "../../../../actions/accounts/export.js";
import type { MemberStores } from "../../../../actions/accounts/member-stores.js";
import { changeDisplayName, changePassword } from "../../../../actions/accounts/profile.js";
import { setFollowOnActivity } from "../../../../actions/follow/follow.js";
import { isPaperfeedError } from "../../../../core/errors.js";
import type { ApiTokenStore } from "../../../../store/api-token-types.js";
import type { User } from "../../../../store/community-types.js";
import { csrfGuard } from "../../../middleware/csrf.js";
import { checkFailures, countFailure } from "../../../middleware/rate-limit.js";
import { clearedSessionCookie, currentViewer, sessionCookie } from "../../../middleware/session.js";
import { MessagePage } from "../pages.js";
import { noticeText } from "../../community-form.js";
import { type CommunityWebDeps, accountContext, communityContext, formOf, isSecure, requireUser, signInFirst } from "../../community-deps.js";
import { AccountSettingsPage } from "./page.js";
import { type SettingsSection, type SettingsView, loadSettings } from "./present.js";

const PAGE = "/account/settings";

export function mountAccountSettings(app: Hono, deps: CommunityWebDeps, tokens: () => Promise<ApiTokenStore>): void {
  const secure = isSecure(deps.config);
  const stores = async (): Promise<MemberStores> => ({ tokens: await tokens(), delivery: deps.delivery });
  const render = async (c: Context, user: User, extra: Partial<Pick<SettingsView, "notice" | "error" | "typed">> = {}, status: 200 | 400 | 409 | 429 | 503 = 200) => {
    c.header("Cache-Control", "no-store");
    const view = await loadSettings(deps, await stores(), user, { notice: null, error: null, typed: {}, ...extra });
    return c.html(<AccountSettingsPage view={view} />, status);
  };
  /**
   * Runs one form's action; a 4xx PaperfeedError shows beside that form, anything else is
   * rethrown. Wrong current passwords count per member as failed sign-ins do, so an open session
   * cannot be used to guess the password.
   */
  const attempt = async (c: Context, section: SettingsSection, typed: SettingsView["typed"], work: (user: User) => Promise<Response>) => {
    const user = requireUser();
    const community = await deps.community();
    const guesses = `settings:password:${user.id}`;
    try {
      if (section !== "name") await checkFailures(community, guesses, deps.limits.signIn, deps.clock?.());
      return await work(user);
    } catch (error) {
      if (!isPaperfeedError(error) || (error.status >= 500 && error.id !== "mail_unavailable")) throw error;
      if (error.id === "wrong_password") await countFailure(community, guesses, deps.limits.signIn, deps.clock?.());
      const message = error.message.replace(/^\w+: /, "");
      return render(c, user, { error: { section, message }, typed }, error.status as 400 | 409 | 429 | 503);
    }
  };
  const setCookie = (c: Context, cookie: string) => c.header("Set-Cookie", cookie, { append: true });

  app.get(PAGE, (c) => {
    const user = currentViewer()?.user;
    return user ? render(c, user, { notice: noticeText(c.req.query("notice")) }) : signInFirst(c);
  });

  // The follow setting keeps its address and behaviour from before this page existed.
  app.post(PAGE, csrfGuard, async (c) => {
    const field = await formOf(c);
    await setFollowOnActivity(await communityContext(deps), requireUser(), field("followOnActivity") === "1");
    return c.redirect(`${PAGE}?notice=saved`, 303);
  });

  app.post(`${PAGE}/name`, csrfGuard, async (c) => {
    const displayName = (await formOf(c))("displayName");
    return attempt(c, "name", { displayName }, async (user) => {
      await changeDisplayName(await accountContext(deps), user, displayName);
      return c.redirect(`${PAGE}?notice=saved#profile`, 303);
    });
  });

  app.post(`${PAGE}/password`, csrfGuard, async (c) => {
    const field = await formOf(c);
    return attempt(c, "password", {}, async (user) => {
      const session = await changePassword(await accountContext(deps), user, field("current"), field("password"));
      setCookie(c, sessionCookie(session, secure));
      return c.redirect(`${PAGE}?notice=password-changed#password`, 303);
    });
  });

  app.post(`${PAGE}/email`, csrfGuard, async (c) => {
    const field = await formOf(c);
    return attempt(c, "email", { email: field("email") }, async (user) => {
      await requestEmailChange(await accountContext(deps), user, { email: field("email"), password: field("password") });
      return c.redirect(`${PAGE}?notice=email-sent#email`, 303);
    });
  });

  // GET because it comes from a mail; it changes the address only for a valid, current link.
  app.get(`${PAGE}/email/confirm`, async (c) => {
    const invalid = () =>
      c.html(<MessagePage title="Link not valid" status="error" message="This link has expired, was used already, or your address changed since. Ask for a new one in your settings." />, 400);
    try {
      const user = await confirmEmailChange(await accountContext(deps), c.req.query("token") ?? "");
      if (!user) return invalid();
    } catch (error) {
      if (isPaperfeedError(error) && error.id === "email_taken") {
        return c.html(<MessagePage title="Address taken" status="error" message="Another account started using that address in the meantime, so yours stays as it was." />, 409);
      }
      throw error;
    }
    return c.redirect(currentViewer()?.user ? `${PAGE}?notice=email-changed#email` : "/account/signin?notice=email-changed", 303);
  });

  app.get(`${PAGE}/export`, async (c) => {
    const user = currentViewer()?.user;
    if (!user) return signInFirst(c);
    const data = await exportMemberData(await accountContext(deps), await stores(), user);
    return c.body(`${JSON.stringify(data, null, 2)}\n`, 200, {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="paperfeed-my-data-${data.exportedAt.slice(0, 10)}.json"`,
      "cache-control": "no-store",
    });
  });

  app.post(`${PAGE}/delete`, csrfGuard, async (c) => {
    const field = await formOf(c);
    return attempt(c, "delete", {}, async (user) => {
      await deleteAccount(await accountContext(deps), await stores(), user, field("password"));
      setCookie(c, clearedSessionCookie(secure));
      return c.redirect("/account/signin?notice=account-deleted", 303);
    });
  });
}
