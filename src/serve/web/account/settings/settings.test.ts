/**
 * /account/settings over HTTP with the real app, a real SQLite file and account mail sent to a
 * real SMTP server on loopback: display name, password (wrong current one refused), email change
 * by a link mailed to the new address (taken address refused), the follow setting, the JSON
 * export (all of the member's things, no secret), and deletion (signed out, cannot sign in, votes
 * no longer count, comments kept as "[deleted member]"). Without mail, the page says the address
 * cannot change and offers no form for it.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Agent, type CommunityApp, PASSWORD, linkInMail, openCommunityApp, verifiedMember } from "../../../../../test/community/community-app.js";
import { startSession } from "../../../../actions/accounts/accounts.js";
import { createApiToken } from "../../../../actions/api-tokens.js";
import { openApiTokenStore } from "../../../../store/open-api-tokens.js";
import { openCommunityFixture } from "../../../testing/community-fixture.js";

let fx: CommunityApp;
const PAPER = "2606.27617";

before(async () => {
  fx = await openCommunityApp();
});
after(() => fx.close());

/** Makes an API token for the member with this address; returns the secret. */
async function makeToken(email: string, name: string): Promise<string> {
  const tokens = await openApiTokenStore({ path: fx.config.db });
  try {
    return (await createApiToken({ tokens, community: fx.community }, { email, name })).token;
  } finally {
    await tokens.close();
  }
}

const signIn = (agent: Agent, email: string, password: string) => agent.get("/account/signin").then(() => agent.post("/account/signin", { email, password }));

test("a visitor is sent to sign in; the page has every part, each form with its CSRF field", async () => {
  const visitor = new Agent(fx.app);
  assert.equal((await visitor.get("/account/settings")).location, "/account/signin?next=%2Faccount%2Fsettings");
  const ada = await verifiedMember(fx, "ada.page@example.org", "Ada");
  const page = await ada.get("/account/settings");
  assert.equal(page.status, 200);
  assert.equal(page.headers.get("cache-control"), "no-store");
  for (const heading of ["Profile", "Email address", "Password", "Following", "Email digest and saved searches", "API tokens", "Your data", "Delete my account"]) {
    assert.match(page.body, new RegExp(`<h2 id="[a-z]+-heading">${heading}</h2>`), heading);
  }
  for (const action of ["/account/settings/name", "/account/settings/email", "/account/settings/password", "/account/settings", "/account/settings/delete"]) {
    assert.match(page.body, new RegExp(`<form method="post" action="${action}"[^>]*><input type="hidden" name="_csrf" value="[^"]+"`), action);
  }
  assert.match(page.body, /href="\/account\/tokens"/);
  assert.match(page.body, /href="\/account\/settings\/export"/);
  assert.match(page.body, /<a href="\/account\/settings">Settings<\/a>/, "the account nav links here");
  assert.equal((await ada.post("/account/settings/name", { displayName: "X" }, { csrf: false })).status, 403, "CSRF-checked");
});

test("display name: saved, and an empty one is refused naming the field", async () => {
  const ada = await verifiedMember(fx, "ada.name@example.org", "Ada");
  assert.equal((await ada.post("/account/settings/name", { displayName: "  Ada   Lovelace " })).location, "/account/settings?notice=saved#profile");
  assert.equal((await fx.community.getUserByEmail("ada.name@example.org"))?.displayName, "Ada Lovelace");
  const bad = await ada.post("/account/settings/name", { displayName: "   " });
  assert.equal(bad.status, 400);
  assert.match(bad.body, /role="alert">Display name: needs 1–50 characters</);
});

test("password: the wrong current password is refused; a change signs out other sessions and keeps this one", async () => {
  const ada = await verifiedMember(fx, "ada.pw@example.org", "Ada");
  const other = new Agent(fx.app);
  await signIn(other, "ada.pw@example.org", PASSWORD);
  const wrong = await ada.post("/account/settings/password", { current: "not my password", password: "a brand new password" });
  assert.equal(wrong.status, 400);
  assert.match(wrong.body, /role="alert">Current password: that is not your current password</);
  const weak = await ada.post("/account/settings/password", { current: PASSWORD, password: "short" });
  assert.match(weak.body, /role="alert">New password: a password needs at least 10 characters</);
  const changed = await ada.post("/account/settings/password", { current: PASSWORD, password: "a brand new password" });
  assert.equal(changed.location, "/account/settings?notice=password-changed#password");
  assert.equal((await ada.get("/account/settings")).status, 200, "still signed in here");
  assert.equal((await other.get("/account/settings")).status, 303, "signed out elsewhere");
  assert.equal((await signIn(new Agent(fx.app), "ada.pw@example.org", PASSWORD)).status, 401, "the old password is gone");
  assert.equal((await signIn(new Agent(fx.app), "ada.pw@example.org", "a brand new password")).status, 303);
});

test("wrong current passwords are limited per member like failed sign-ins", async () => {
  const ada = await verifiedMember(fx, "ada.guess@example.org", "Ada");
  for (let i = 0; i < 5; i++) assert.equal((await ada.post("/account/settings/delete", { password: `guess number ${i}` })).status, 400);
  const stopped = await ada.post("/account/settings/password", { current: PASSWORD, password: "a brand new password" });
  assert.equal(stopped.status, 429, "even the right one waits");
  assert.match(stopped.body, /role="alert">[^<]*try again/i);
  assert.equal((await ada.post("/account/settings/name", { displayName: "Still Ada" })).status, 303, "the name needs no password");
});

test("email: a link goes to the new address; following it changes the address; a taken address and a wrong password are refused", async () => {
  const ada = await verifiedMember(fx, "ada.mail@example.org", "Ada");
  await verifiedMember(fx, "taken@example.org", "Taken");
  const taken = await ada.post("/account/settings/email", { email: "Taken@example.org", password: PASSWORD });
  assert.equal(taken.status, 409);
  assert.match(taken.body, /role="alert">New email: another account uses that address</);
  const wrong = await ada.post("/account/settings/email", { email: "ada.new@example.org", password: "nope nope nope" });
  assert.match(wrong.body, /role="alert">Current password: that is not your current password</);
  assert.match((await ada.post("/account/settings/email", { email: "not-an-address", password: PASSWORD })).body, /New email: that is not an email address/);

  await makeToken("ada.mail@example.org", "made before the move");
  assert.equal((await ada.post("/account/settings/email", { email: "ada.new@example.org", password: PASSWORD })).location, "/account/settings?notice=email-sent#email");
  assert.equal((await fx.community.getUserByEmail("ada.mail@example.org"))?.email, "ada.mail@example.org", "unchanged until the link is followed");
  const link = await linkInMail(fx, "ada.new@example.org", "/account/settings/email/confirm");
  assert.equal((await new Agent(fx.app).get(link.replace(/.{4}$/, "AAAA"))).status, 400, "a forged link does nothing");
  assert.equal((await ada.get(link)).location, "/account/settings?notice=email-changed#email");
  const moved = await fx.community.getUserByEmail("ada.new@example.org");
  assert.ok(moved?.emailVerifiedAt, "the new address is confirmed");
  assert.equal(await fx.community.getUserByEmail("ada.mail@example.org"), null);
  assert.equal((await ada.get(link)).status, 400, "the link works once");
  assert.equal((await signIn(new Agent(fx.app), "ada.new@example.org", PASSWORD)).status, 303, "signs in with the new address");
  const exported = JSON.parse((await ada.get("/account/settings/export")).body) as { apiTokens: Array<{ name: string }> };
  assert.deepEqual(exported.apiTokens.map((t) => t.name), ["made before the move"], "tokens made under the old address stay the member's");
});

test("the follow setting stays at POST /account/settings", async () => {
  const ada = await verifiedMember(fx, "ada.follow@example.org", "Ada");
  assert.match((await ada.get("/account/settings")).body, /name="followOnActivity" value="1"(?! checked)/);
  assert.equal((await ada.post("/account/settings", { followOnActivity: "1" })).location, "/account/settings?notice=saved");
  assert.match((await ada.get("/account/settings")).body, /name="followOnActivity" value="1" checked/);
});

test("export: one JSON download of the member's things, with token names but no secret", async () => {
  const ada = await verifiedMember(fx, "ada.export@example.org", "Ada");
  const user = (await fx.community.getUserByEmail("ada.export@example.org"))!;
  await fx.community.setVote(user.id, PAPER, true, "2026-07-01T10:00:00.000Z");
  await fx.community.addComment({ paperId: PAPER, userId: user.id, parentId: null, body: "Lovely $x^2$", now: "2026-07-01T10:00:00.000Z" });
  const list = await fx.community.createCollection({ userId: user.id, name: "Reading", isPublic: false, now: "2026-07-01T10:00:00.000Z" });
  await fx.community.addToCollection(list.id, PAPER, "read soon", "2026-07-01T10:00:00.000Z");
  await fx.community.follow(user.id, PAPER, "2026-07-01T10:00:00.000Z");
  await fx.community.interests.followInterest(user.id, "category", "cs.LG", "2026-07-01T10:00:00.000Z");
  const secret = await makeToken(user.email, "laptop script");
  const { subscriber } = await fx.delivery.createSubscriber({ email: user.email, cadence: "weekly", now: "2026-07-01T10:00:00.000Z" });
  await fx.delivery.linkAccount(subscriber.id, String(user.id));
  await fx.delivery.addSavedSearch(subscriber.id, { name: "Diffusion", query: "diffusion models", exclude: [] }, "2026-07-01T10:00:00.000Z");

  const page = await ada.get("/account/settings");
  assert.match(page.body, /<strong>Diffusion<\/strong>/, "saved searches listed");
  assert.match(page.body, /href="\/subscriptions\/manage\?token=[^"]+"/, "with the manage page linked");
  assert.match(page.body, /laptop script <code>pf_/);

  const res = await ada.get("/account/settings/export");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-disposition") ?? "", /^attachment; filename="paperfeed-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
  const data = JSON.parse(res.body) as Record<string, unknown> & { account: { email: string } };
  assert.equal(data.account.email, "ada.export@example.org");
  assert.deepEqual(data.votes, [{ paperId: PAPER, createdAt: "2026-07-01T10:00:00.000Z" }]);
  assert.equal((data.comments as Array<{ body: string }>)[0]?.body, "Lovely $x^2$");
  assert.deepEqual((data.collections as Array<{ name: string; items: unknown[] }>).map((c) => [c.name, c.items.length]), [["Reading", 1]]);
  assert.deepEqual((data.follows as Array<{ paperId: string }>).map((f) => f.paperId), [PAPER]);
  assert.deepEqual((data.interests as Array<{ value: string }>).map((i) => i.value), ["cs.LG"]);
  assert.deepEqual((data.apiTokens as Array<{ name: string }>).map((t) => t.name), ["laptop script"]);
  assert.equal((data.subscription as { cadence: string }).cadence, "weekly");
  assert.deepEqual((data.savedSearches as Array<{ query: string }>).map((s) => s.query), ["diffusion models"]);
  assert.equal(res.body.includes(secret), false, "no token");
  assert.equal(res.body.includes(secret.slice(0, 12)), false, "not even its prefix");
  assert.doesNotMatch(res.body, /scrypt\$|passwordHash|tokenHash|token_hash/, "no hash");
  assert.equal((await new Agent(fx.app).get("/account/settings/export")).status, 303, "only for the member");
});

test("deletion: needs the password; then signed out, cannot sign in, votes no longer count, comments stay as [deleted member]", async () => {
  const ada = await verifiedMember(fx, "ada.delete@example.org", "Ada");
  const bob = await verifiedMember(fx, "bob.delete@example.org", "Bob");
  const user = (await fx.community.getUserByEmail("ada.delete@example.org"))!;
  await ada.get(`/papers/${PAPER}`);
  const before = (await fx.community.activityOf([PAPER])).get(PAPER)?.votes ?? 0;
  await ada.post("/vote", { paper: PAPER, up: "1" });
  await bob.get(`/papers/${PAPER}`);
  await bob.post("/vote", { paper: PAPER, up: "1" });
  assert.equal((await fx.community.activityOf([PAPER])).get(PAPER)?.votes, before + 2);
  const comment = await fx.community.addComment({ paperId: PAPER, userId: user.id, parentId: null, body: "Ada was here", now: new Date().toISOString() });
  const token = await makeToken("ada.delete@example.org", "script");
  const whoami = () => fx.app.request("/api/whoami-v2", { headers: { authorization: `Bearer ${token}` } });
  assert.equal((await whoami()).status, 200);
  await ada.get("/account/settings");

  const wrong = await ada.post("/account/settings/delete", { password: "not my password" });
  assert.equal(wrong.status, 400);
  assert.match(wrong.body, /role="alert">Current password: that is not your current password</);
  assert.equal((await fx.community.getUser(user.id))?.email, "ada.delete@example.org", "nothing deleted");

  const done = await ada.post("/account/settings/delete", { password: PASSWORD });
  assert.equal(done.location, "/account/signin?notice=account-deleted");
  assert.equal((await ada.get("/account/settings")).status, 303, "signed out");
  assert.equal((await signIn(new Agent(fx.app), "ada.delete@example.org", PASSWORD)).status, 401, "cannot sign in");
  assert.equal((await fx.community.activityOf([PAPER])).get(PAPER)?.votes, before + 1, "only Bob's vote counts");
  const paper = await bob.get(`/papers/${PAPER}`);
  assert.match(paper.body, new RegExp(`href="/users/${user.id}">\\[deleted member\\]<`));
  assert.equal((await fx.community.getComment(comment.id))?.authorName, "[deleted member]");
  assert.doesNotMatch(paper.body, new RegExp(`href="/users/${user.id}">Ada<`));
  assert.equal((await whoami()).status, 401, "the API token is revoked");
});

test("without mail the page says the address cannot change, and offers no form for it", async () => {
  const plain = await openCommunityFixture();
  try {
    const ada = new Agent(plain.app);
    ada.cookies.set("pf_session", await startSession({ community: plain.community, mailer: null, baseUrl: "" }, plain.ada.id));
    const page = await ada.get("/account/settings");
    assert.equal(page.status, 200);
    assert.match(page.body, /Changing your address needs mail/);
    assert.doesNotMatch(page.body, /action="\/account\/settings\/email"/);
    assert.match(page.body, /This site sends no mail/);
    const tried = await ada.post("/account/settings/email", { email: "new@example.org", password: "whatever whatever" });
    assert.equal(tried.status, 503);
    assert.match(tried.body, /role="alert">New email: this site cannot send mail/);
  } finally {
    await plain.close();
  }
});
