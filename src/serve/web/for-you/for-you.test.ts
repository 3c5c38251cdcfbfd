/**
 * For you over HTTP with the real app and a real SQLite file: the page asks visitors to sign in,
 * tells a new member how to start, lists picks with their reasons once the member has upvoted,
 * "Not interested" removes a pick (a CSRF-checked form), and the paper page's box follows an
 * author, whose paper then comes with "by … whom you follow".
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Agent, type CommunityApp, openCommunityApp, verifiedMember } from "../../../../test/community/community-app.js";

let fx: CommunityApp;
let ada: Agent;
let adaId: number;
/** Two language-model papers of the fixtures (test/fixtures/web/daily-listings.jsonl). */
const LIKED = ["2606.27617"];

before(async () => {
  fx = await openCommunityApp();
  ada = await verifiedMember(fx, "ada@example.org", "Ada");
  adaId = (await fx.community.getUserByEmail("ada@example.org"))!.id;
});
after(() => fx.close());

const picks = (html: string) => [...html.matchAll(/<li><article class="paper" data-paper-id="([^"]+)"/g)].map((m) => m[1]!);

test("visitors are asked to sign in; a new member is told how For you learns", async () => {
  const visitor = new Agent(fx.app);
  const asked = await visitor.get("/for-you");
  assert.deepEqual([asked.status, asked.location], [303, "/account/signin?next=%2Ffor-you"]);
  assert.doesNotMatch((await visitor.get("/")).body, /href="\/for-you"/, "no For you tab for visitors");
  const page = await ada.get("/for-you");
  assert.equal(page.status, 200);
  assert.match(page.body, /<a href="\/for-you" aria-current="page">For you<\/a>/);
  assert.match(page.body, /Upvote papers, save them to a collection, follow a paper, or follow authors and categories/);
  assert.deepEqual(picks(page.body), []);
});

test("after an upvote the page lists picks with why; Not interested takes one away", async () => {
  for (const id of LIKED) await fx.community.setVote(adaId, id, true, new Date().toISOString());
  let page = await ada.get("/for-you");
  const listed = picks(page.body);
  assert.ok(listed.length >= 3, `only ${listed.length} picks`);
  assert.ok(!listed.includes(LIKED[0]!), "the upvoted paper itself is recommended");
  assert.match(page.body, /<p class="why"><span class="why-label">Why: <\/span>words: [^<]+/);
  assert.match(page.body, /learned|picked from what you did: 1 upvote/);

  const dismissed = listed[0]!;
  assert.equal((await ada.post("/for-you/not-interested", { paper: dismissed }, { csrf: false })).status, 403, "CSRF like every form");
  const done = await ada.post("/for-you/not-interested", { paper: dismissed });
  assert.deepEqual([done.status, done.location], [303, "/for-you?notice=dismissed"]);
  page = await ada.get(done.location!);
  assert.match(page.body, /Noted: you will see fewer papers like it\./);
  assert.ok(!picks(page.body).includes(dismissed), "the dismissed paper is still listed");
  assert.match(page.body, /1 upvote and 1 “Not interested”/);
  const bad = await ada.post("/for-you/not-interested", { paper: "not an id" });
  assert.equal(bad.status, 400);
  assert.match(bad.body, /field paper is not an arXiv id/);
});

test("the paper page's box follows an author; their paper comes with the reason", async () => {
  const paper = (await fx.store.getPaper("2606.27617"))!;
  const visitor = new Agent(fx.app);
  assert.doesNotMatch((await visitor.get("/papers/2606.27617")).body, /Follow authors or categories/);
  const page = await ada.get("/papers/2606.27617");
  assert.match(page.body, /<summary>Follow authors or categories<\/summary>/);
  const author = paper.authors[2]!.name;
  const saved = await ada.post("/interests/paper", { paper: paper.id, author, category: "cs.CL" });
  assert.deepEqual([saved.status, saved.location], [303, "/papers/2606.27617?notice=saved"]);
  assert.match((await ada.get("/papers/2606.27617")).body, new RegExp(`name="author" value="${author}" checked`));
  assert.deepEqual(
    (await fx.community.interests.listInterests(adaId)).map((i) => `${i.kind}:${i.value}`).sort(),
    [`author:${author}`, "category:cs.CL"],
  );
  const forYou = await ada.get("/for-you");
  assert.match(forYou.body, new RegExp(`Author: ${author}`));
  assert.match(forYou.body, /Category: cs\.CL/);
  // Their paper is upvoted already, so it is not recommended back; every cs.CL pick says why.
  assert.match(forYou.body, /in cs\.CL, which you follow/);

  const wrong = await ada.post("/interests", { kind: "venue", value: "NeurIPS" });
  assert.equal(wrong.status, 400);
  assert.match(wrong.body, /field kind must be author or category, got &quot;venue&quot;|field kind must be author or category, got "venue"/);
  const off = await ada.post("/interests", { kind: "category", value: "cs.CL", on: "0", back: "/for-you" });
  assert.deepEqual([off.status, off.location], [303, "/for-you"]);
  assert.doesNotMatch((await ada.get("/for-you")).body, /Category: cs\.CL/);
});
