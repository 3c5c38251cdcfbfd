/** Accounts over HTTP: sign-up mail over real SMTP, verification, sign-in, cookies, CSRF, rate limits, secrets at rest. */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { Agent, type CommunityApp, PASSWORD, linkInMail, openCommunityApp, verifiedMember } from "./community-app.js";

let fx: CommunityApp;
before(async () => {
  fx = await openCommunityApp();
});
after(() => fx.close());

test("sign up, get the link by mail, confirm (which signs in), sign out and back in", async () => {
  const agent = new Agent(fx.app);
  const form = await agent.get("/account/signup");
  assert.equal(form.status, 200);
  const made = await agent.post("/account/signup", { email: "Ada@Example.org", displayName: "Ada", password: PASSWORD });
  assert.deepEqual([made.status, made.location], [303, "/account/signin?notice=verify-sent"]);
  assert.equal(fx.sink.messages.length, 0, "the request only queued the mail");
  const link = await linkInMail(fx, "ada@example.org", "/account/verify");
  const mail = fx.sink.messages.at(-1)!;
  assert.equal(mail.subject, "Confirm your paperfeed account");
  assert.match(mail.text ?? "", /http:\/\/127\.0\.0\.1:8080\/account\/verify\?token=/);
  assert.equal((await fx.community.getUserByEmail("ada@example.org"))?.emailVerifiedAt, null);
  assert.doesNotMatch((await agent.get("/")).body, /account-name/, "no session before the address is confirmed");

  assert.deepEqual((await agent.get(link)).location, "/daily?notice=verified");
  assert.ok((await fx.community.getUserByEmail("ada@example.org"))?.emailVerifiedAt);
  assert.match((await agent.get("/")).body, /class="account-name"[^>]*>Ada</);
  assert.equal((await agent.get(link)).status, 400, "a link works once");

  assert.equal((await agent.post("/account/signout", {})).status, 303);
  assert.doesNotMatch((await agent.get("/")).body, /account-name/);
  await agent.get("/account/signin");
  const wrong = await agent.post("/account/signin", { email: "ada@example.org", password: "not the password" });
  assert.equal(wrong.status, 401);
  assert.match(wrong.body, /do not match an account/);
  await agent.get("/account/signin");
  const right = await agent.post("/account/signin?next=/trending", { email: "ADA@example.org", password: PASSWORD });
  assert.deepEqual([right.status, right.location], [303, "/trending"]);
  assert.match((await agent.get("/")).body, /account-name/);
});

test("session and CSRF cookies are httpOnly and SameSite=Lax; Secure only behind https", async () => {
  const agent = new Agent(fx.app);
  const page = await agent.get("/account/signin");
  const csrfCookie = page.headers.getSetCookie().find((c) => c.startsWith("pf_csrf="))!;
  assert.match(csrfCookie, /HttpOnly/);
  assert.match(csrfCookie, /SameSite=Lax/);
  assert.doesNotMatch(csrfCookie, /Secure/);
  await verifiedMember(fx, "cookies@example.org");
  const signIn = await agent.post("/account/signin", { email: "cookies@example.org", password: PASSWORD });
  const session = signIn.headers.getSetCookie().find((c) => c.startsWith("pf_session="))!;
  for (const flag of [/HttpOnly/, /SameSite=Lax/, /Path=\//, /Max-Age=2592000/]) assert.match(session, flag);
  assert.doesNotMatch(session, /Secure/);

  const tls = await openCommunityApp({ baseUrl: "https://papers.example.org" });
  try {
    const first = await new Agent(tls.app).get("/account/signin");
    assert.match(first.headers.getSetCookie().find((c) => c.startsWith("pf_csrf="))!, /; Secure/);
  } finally {
    await tls.close();
  }
});

test("a state-changing request without a valid CSRF token is refused", async () => {
  const member = await verifiedMember(fx, "csrf@example.org");
  const before = await fx.community.activityOf(["2606.27617"]);
  for (const token of [undefined, "", "forged-token"]) {
    const fields: Record<string, string> = { paper: "2606.27617", up: "1" };
    if (token !== undefined) fields._csrf = token;
    const res = await member.post("/vote", fields, { csrf: token !== undefined });
    assert.equal(res.status, 403, `token ${token}`);
    assert.match(res.body, /did not come from this site/);
  }
  assert.deepEqual(await fx.community.activityOf(["2606.27617"]), before, "nothing was written");
  // Another browser's valid token does not work with this browser's cookies.
  const stranger = new Agent(fx.app);
  await stranger.get("/account/signin");
  assert.equal((await member.post("/vote", { paper: "2606.27617", up: "1", _csrf: stranger.csrf })).status, 403);
  assert.equal((await stranger.post("/account/signin", { email: "csrf@example.org", password: PASSWORD }, { csrf: false })).status, 403);
  assert.equal((await member.post("/vote", { paper: "2606.27617", up: "1" }, { headers: { accept: "application/json" } })).status, 200);
});

test("sign-in is rate limited per address", async () => {
  await verifiedMember(fx, "limited@example.org");
  const agent = new Agent(fx.app);
  await agent.get("/account/signin");
  const statuses = [];
  for (let i = 0; i < 6; i++) statuses.push((await agent.post("/account/signin", { email: "limited@example.org", password: `wrong ${i}` })).status);
  assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
  const blocked = await agent.post("/account/signin", { email: "limited@example.org", password: PASSWORD });
  assert.equal(blocked.status, 429, "even the right password waits");
  assert.match(blocked.body, /too many attempts; try again in \d+ minutes?/);
});

test("password reset by emailed link ends old sessions", async () => {
  const member = await verifiedMember(fx, "reset@example.org");
  const other = new Agent(fx.app);
  await other.get("/account/reset");
  assert.equal((await other.post("/account/reset", { email: "reset@example.org" })).status, 200);
  assert.equal((await other.post("/account/reset", { email: "nobody@example.org" })).status, 200, "unknown addresses look the same");
  const link = await linkInMail(fx, "reset@example.org", "/account/reset");
  await other.get(link);
  const token = new URLSearchParams(link.split("?")[1]).get("token")!;
  assert.equal((await other.post("/account/reset/confirm", { token, password: "short" })).status, 400);
  assert.equal((await other.post("/account/reset/confirm", { token, password: "a brand new password" })).status, 303);
  assert.doesNotMatch((await member.get("/")).body, /account-name/, "the old session is gone");
  assert.equal((await other.post("/account/signin", { email: "reset@example.org", password: "a brand new password" })).status, 303);
});

test("passwords appear neither in the database files nor in the log", async () => {
  await verifiedMember(fx, "secret@example.org");
  const dir = dirname(fx.config.db);
  for (const name of readdirSync(dir).filter((n) => n.startsWith("paperfeed.db"))) {
    assert.equal(readFileSync(join(dir, name)).includes(PASSWORD), false, name);
  }
  const hash = (await fx.community.credentials("secret@example.org"))!.passwordHash;
  assert.match(hash, /^scrypt\$16384\$8\$1\$/);
  assert.equal(fx.logged.join("\n").includes(PASSWORD), false);
});
