/**
 * `/account/tokens`: a signed-in member makes, sees and revokes API tokens (the command line's
 * `paperfeed token` for the same). A new token appears once, on the answer to the POST, which is
 * never cached. Mounted after the community's session middleware, which names the viewer.
 */
import type { Context, Hono } from "hono";
import { createApiToken } from "../../../actions/api-tokens.js";
import { isPaperfeedError } from "../../../core/errors.js";
import type { LazyStores } from "../../api/stores.js";
import { csrfGuard } from "../../middleware/csrf.js";
import { currentViewer } from "../../middleware/session.js";
import { formOf, signInFirst } from "../community-deps.js";
import { type TokensView, TokensPage } from "./page.js";

export function mountTokenPages(app: Hono, stores: LazyStores): void {
  const page = async (c: Context, extra: Omit<TokensView, "tokens"> = {}, status: 200 | 400 = 200) => {
    const user = currentViewer()!.user!;
    const tokens = (await (await stores.tokens()).listTokens(user.email)).filter((t) => t.accountId === String(user.id));
    c.header("Cache-Control", "no-store");
    return c.html(<TokensPage view={{ tokens, ...extra }} />, status);
  };

  app.get("/account/tokens", async (c) => (currentViewer()?.user ? page(c) : signInFirst(c)));

  app.post("/account/tokens", csrfGuard, async (c) => {
    const user = currentViewer()?.user;
    if (!user) return signInFirst(c);
    const name = (await formOf(c))("name");
    try {
      const made = await createApiToken({ tokens: await stores.tokens(), community: await stores.community() }, { email: user.email, name });
      return page(c, { created: { token: made.token, name: made.record.name } });
    } catch (error) {
      if (isPaperfeedError(error) && error.status < 500) return page(c, { error: error.message.replace(/^\w+: /, "") }, 400);
      throw error;
    }
  });

  app.post("/account/tokens/:id{[0-9]+}/revoke", csrfGuard, async (c) => {
    const user = currentViewer()?.user;
    if (!user) return signInFirst(c);
    const tokens = await stores.tokens();
    const mine = (await tokens.listTokens(user.email)).find((t) => t.id === Number(c.req.param("id")) && t.accountId === String(user.id));
    if (mine) await tokens.revokeToken(mine.id, new Date().toISOString());
    return c.redirect("/account/tokens", 303);
  });
}
