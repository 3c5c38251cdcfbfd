/** API tokens end to end: made for a real account, checked by the middleware on /api/whoami-v2. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createAccount } from "../../../actions/accounts/accounts.js";
import { createApiToken } from "../../../actions/api-tokens.js";
import type { ApiTokenStore } from "../../../store/api-token-types.js";
import type { CommunityStore } from "../../../store/community-types.js";
import { openApiTokenStore } from "../../../store/open-api-tokens.js";
import { openCommunityStore } from "../../../store/open-community.js";
import { type FixtureApp, openFixtureApp } from "../../testing/fixture-app.js";
import { WhoAmISchema } from "./whoami.js";

let fx: FixtureApp;
let community: CommunityStore;
let tokens: ApiTokenStore;
before(async () => {
  fx = await openFixtureApp();
  community = await openCommunityStore({ path: fx.config.db });
  tokens = await openApiTokenStore({ path: fx.config.db });
  await createAccount({ community, mailer: null, baseUrl: "http://127.0.0.1" }, { email: "ada@example.org", displayName: "Ada", role: "member" });
});
after(async () => {
  await Promise.all([community.close(), tokens.close()]);
  await fx.close();
});

const whoami = (authorization?: string) => fx.app.request("/api/whoami-v2", authorization ? { headers: { authorization } } : {});

test("a token made for an account identifies it in Hugging Face's whoami shape, and records its use", async () => {
  const { token, record } = await createApiToken({ tokens, community }, { email: "ADA@example.org", name: "laptop" });
  assert.match(token, /^pf_[A-Za-z0-9_-]{43}$/);
  assert.equal(record.prefix, token.slice(0, 7));
  const res = await whoami(`Bearer ${token}`);
  assert.equal(res.status, 200);
  const body = WhoAmISchema.strict().parse(await res.json());
  assert.equal(body.email, "ada@example.org");
  assert.equal(body.name, "ada", "HF's `name` is the username");
  assert.equal(body.fullname, "Ada");
  assert.equal(body.auth.accessToken.displayName, "laptop");
  assert.ok((await tokens.listTokens("ada@example.org"))[0]!.lastUsedAt, "the use is recorded");
});

test("no token, a malformed, unknown or revoked one, or another scheme is a 401 naming the header, in HF's error shape", async () => {
  const { token, record } = await createApiToken({ tokens, community }, { email: "ada@example.org", name: "to revoke" });
  await tokens.revokeToken(record.id, new Date().toISOString());
  const unknown = `pf_${"A".repeat(43)}`;
  for (const header of [undefined, "Bearer", "Bearer banana", `Bearer ${unknown}`, `Bearer ${token}`, `Basic ${token}`]) {
    const res = await whoami(header);
    assert.equal(res.status, 401, String(header));
    assert.match(res.headers.get("www-authenticate") ?? "", /^Bearer realm="paperfeed"/, String(header));
    const { error } = (await res.json()) as { error: string };
    assert.match(error, /Authorization: Bearer pf_/);
  }
});

test("a token can only be made for an existing account", async () => {
  await assert.rejects(createApiToken({ tokens, community }, { email: "nobody@example.org", name: "x" }), /no account uses nobody@example\.org/);
});
