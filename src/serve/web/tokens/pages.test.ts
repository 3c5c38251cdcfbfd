/** /account/tokens: a signed-in member makes a token (shown once), uses it, revokes it; nobody else can. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Agent } from "../../../../test/community/community-app.js";
import { startSession } from "../../../actions/accounts/accounts.js";
import { type CommunityFixture, openCommunityFixture } from "../../testing/community-fixture.js";

let fx: CommunityFixture;
before(async () => {
  fx = await openCommunityFixture();
});
after(() => fx.close());

async function signedIn(userId: number): Promise<Agent> {
  const agent = new Agent(fx.app);
  agent.cookies.set("pf_session", await startSession({ community: fx.community, mailer: null, baseUrl: "" }, userId));
  return agent;
}

const whoami = (token: string) => fx.app.request("/api/whoami-v2", { headers: { authorization: `Bearer ${token}` } });

test("a member makes a token on the page, sees it once, uses it, and revokes it", async () => {
  const ada = await signedIn(fx.ada.id);
  const page = await ada.get("/account/tokens");
  assert.equal(page.status, 200);
  assert.match(page.body, /<strong>test<\/strong> <code>pf_/, "the token made beforehand is listed by name");
  const made = await ada.post("/account/tokens", { name: "notebook" });
  assert.equal(made.status, 200);
  assert.equal(made.headers.get("cache-control"), "no-store");
  const token = /<pre id="new-token"[^>]*>(pf_[\w-]{43})<\/pre>/.exec(made.body)?.[1];
  assert.ok(token, "the new token is shown");
  assert.equal((await whoami(token)).status, 200);
  const again = await ada.get("/account/tokens");
  assert.ok(!again.body.includes(token), "and never again");
  const id = (await fx.tokens.listTokens("ada@example.org")).find((t) => t.name === "notebook")!.id;

  const bob = await signedIn(fx.bob.id);
  await bob.get("/account/tokens");
  assert.equal((await bob.post(`/account/tokens/${id}/revoke`, {})).status, 303);
  assert.equal((await whoami(token)).status, 200, "another member cannot revoke it");

  await ada.get("/account/tokens");
  assert.equal((await ada.post(`/account/tokens/${id}/revoke`, {})).location, "/account/tokens");
  assert.equal((await whoami(token)).status, 401);
});

test("visitors are sent to sign in; a form without the CSRF token is refused; bad names are explained", async () => {
  const visitor = new Agent(fx.app);
  const res = await visitor.get("/account/tokens");
  assert.deepEqual([res.status, res.location], [303, "/account/signin?next=%2Faccount%2Ftokens"]);
  const ada = await signedIn(fx.ada.id);
  await ada.get("/account/tokens");
  assert.equal((await ada.post("/account/tokens", { name: "x" }, { csrf: false })).status, 403);
  const blank = await ada.post("/account/tokens", { name: " " });
  assert.equal(blank.status, 400);
  assert.match(blank.body, /name must be 1–100 characters/);
});

test("your profile links to your tokens and to the export of your upvotes", async () => {
  const ada = await signedIn(fx.ada.id);
  const profile = await ada.get(`/users/${fx.ada.id}`);
  assert.match(profile.body, /href="\/account\/tokens"/);
  const link = /href="(\/export\?list=upvotes[^"]*)"/.exec(profile.body)![1]!.replace(/&amp;/g, "&");
  const exported = await ada.get(link);
  assert.equal(exported.status, 200);
  assert.match(exported.body, /eprint = \{hep-th\/9901001\}/);
});
