/**
 * A site with no mail server: sign-up still works, the account is active at once (the pages say
 * why nothing is mailed), the first account becomes the admin, and password resets say they
 * cannot be mailed instead of answering 404.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Agent, type CommunityApp, PASSWORD, openCommunityApp } from "./community-app.js";

let fx: CommunityApp;
before(async () => {
  fx = await openCommunityApp({}, { accountMailer: null });
});
after(() => fx.close());

test("without SMTP: sign-in links to sign-up and says why; the first account is an active admin at once", async () => {
  const agent = new Agent(fx.app);
  const signIn = await agent.get("/account/signin");
  assert.match(signIn.body, /href="\/account\/signup"/);
  assert.match(signIn.body, /sends no mail/);
  assert.doesNotMatch(signIn.body, /Forgot your password/, "no reset link where no reset can be mailed");

  const form = await agent.get("/account/signup");
  assert.equal(form.status, 200);
  assert.match(form.body, /active at once/);
  const made = await agent.post("/account/signup", { email: "First@Example.org", displayName: "First", password: PASSWORD });
  assert.deepEqual([made.status, made.location], [303, "/daily?notice=welcome-no-mail"]);
  assert.match((await agent.get(made.location!)).body, /Your account is active\. This site sends no mail/);
  const first = await fx.community.getUserByEmail("first@example.org");
  assert.ok(first?.emailVerifiedAt, "active without a confirmation link");
  assert.equal(first?.role, "admin");
  assert.equal(fx.sink.messages.length, 0, "nothing was mailed");

  // Active means allowed: an upvote goes through straight away.
  const voted = await agent.post("/vote", { paper: "2606.27617", up: "1" }, { headers: { accept: "application/json" } });
  assert.equal(voted.status, 200);
  assert.equal(JSON.parse(voted.body).voted, true);
});

test("without SMTP: later accounts are members; reset explains that no mail is sent", async () => {
  const agent = new Agent(fx.app);
  await agent.get("/account/signup");
  assert.equal((await agent.post("/account/signup", { email: "second@example.org", displayName: "Second", password: PASSWORD })).status, 303);
  const second = await fx.community.getUserByEmail("second@example.org");
  assert.equal(second?.role, "member");
  assert.ok(second?.emailVerifiedAt);
  const reset = await agent.get("/account/reset");
  assert.equal(reset.status, 200);
  assert.match(reset.body, /cannot be reset by email/);
});

test("a first save from a paper page makes a private “Reading list” on the way, in one step", async () => {
  const agent = new Agent(fx.app);
  await agent.get("/account/signup");
  await agent.post("/account/signup", { email: "saver@example.org", displayName: "Saver", password: PASSWORD });
  const page = await agent.get("/papers/2606.27617");
  assert.match(page.body, /name="collection" value="new"/);
  const saved = await agent.post("/collections/add", { paper: "2606.27617", collection: "new", name: "Reading list", note: "read on Monday" });
  assert.equal(saved.status, 303);
  const saver = await fx.community.getUserByEmail("saver@example.org");
  const [list] = await fx.community.listCollections(saver!.id, false);
  assert.equal(list?.name, "Reading list");
  assert.equal(list?.isPublic, false);
  assert.deepEqual((await fx.community.collectionItems(list!.id)).map((i) => [i.paperId, i.note]), [["2606.27617", "read on Monday"]]);
  assert.doesNotMatch((await agent.get("/papers/2606.27617")).body, /value="new"/, "with a collection, the usual choice");
});
