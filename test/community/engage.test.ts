/** The community over HTTP: daily submissions, upvotes, comments, collections, profiles, trending, and who may do what. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { paperLike } from "../store/fixture-papers.js";
import { Agent, type CommunityApp, openCommunityApp, verifiedMember } from "./community-app.js";

let fx: CommunityApp;
let ada: Agent;
let bob: Agent;
const HOSTILE = "2607.00009";

before(async () => {
  fx = await openCommunityApp();
  await fx.store.upsertPapers([
    paperLike(9, {
      id: HOSTILE,
      title: '<script>alert("title")</script> Hostile',
      abstract: '<img src=x onerror=alert(1)> and <a href="javascript:alert(2)">x</a>',
      announced: "2026-07-01",
    }),
  ]);
  ada = await verifiedMember(fx, "ada@example.org", '<b onclick="alert(3)">Ada</b>');
  bob = await verifiedMember(fx, "bob@example.org", "Bob");
});
after(() => fx.close());

const today = () => new Date().toISOString().slice(0, 10);

test("members submit to today's list: by id or URL, no duplicates, a clear message for unknown papers, a daily cap", async () => {
  await ada.get("/daily");
  assert.equal((await ada.post("/daily/submit", { paper: "https://arxiv.org/abs/2606.27617v2" })).location, `/daily?date=${today()}&notice=submitted`);
  const dup = await bob.post("/daily/submit", { paper: "2606.27617", _csrf: (await bob.get("/daily")).body.match(/name="_csrf" value="([^"]*)"/)![1]! });
  assert.equal(dup.status, 409);
  assert.match(dup.body, /already on the list of \d{4}-\d{2}-\d{2} \(submitted by &lt;b onclick/);
  const unknown = await bob.post("/daily/submit", { paper: "2401.99999" });
  assert.equal(unknown.status, 404);
  assert.match(unknown.body, /paper 2401\.99999 is not in this paperfeed&#39;s database, and this site does not fetch from arXiv/);
  assert.equal((await bob.post("/daily/submit", { paper: "not an id" })).status, 400);
  await bob.post("/daily/submit", { paper: HOSTILE });
  await fx.community.updateSettings({ dailyCap: 1 });
  const capped = await bob.post("/daily/submit", { paper: "hep-th/9901001" });
  assert.equal(capped.status, 429);
  await fx.community.updateSettings({ dailyCap: 3, submissions: "curators" });
  assert.equal((await ada.post("/daily/submit", { paper: "hep-th/9901001" })).status, 403);
  assert.doesNotMatch((await ada.get("/daily")).body, /action="\/daily\/submit"/, "no form that cannot work");
  await fx.community.updateSettings({ submissions: "members" });
});

test("the day's list is ordered by upvotes, shows who submitted, and upvotes toggle with or without JavaScript", async () => {
  let page = await ada.get("/daily");
  const order = () => [...page.body.matchAll(/data-paper-id="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(order(), ["2606.27617", HOSTILE]);
  assert.match(page.body, /Submitted by <a href="\/users\/\d+">&lt;b onclick=&quot;alert\(3\)&quot;&gt;Ada&lt;\/b&gt;<\/a>/);
  const voted = await bob.post("/vote", { paper: HOSTILE, up: "1", back: "/daily" });
  assert.deepEqual([voted.status, voted.location], [303, "/daily"]);
  const json = await ada.post("/vote", { paper: HOSTILE, up: "1" }, { headers: { accept: "application/json" } });
  assert.deepEqual(JSON.parse(json.body), { voted: true, votes: 2 });
  page = await ada.get("/daily");
  assert.deepEqual(order(), [HOSTILE, "2606.27617"]);
  assert.match(page.body, /aria-pressed="true"><span aria-hidden="true">&#9650;<\/span><span class="count">2</);
  assert.deepEqual(JSON.parse((await ada.post("/vote", { paper: HOSTILE, up: "0" }, { headers: { accept: "application/json" } })).body), { voted: false, votes: 1 });
  assert.equal((await new Agent(fx.app).post("/vote", { paper: HOSTILE, up: "1", _csrf: "x" })).status, 403);
});

test("hostile titles, abstracts and names render as text on the community pages", async () => {
  for (const path of ["/daily", "/trending", `/papers/${HOSTILE}`]) {
    const { body } = await ada.get(path);
    assert.ok(!body.includes("<script>alert"), path);
    assert.ok(!/<img[^>]*onerror/i.test(body), path);
    assert.ok(!/<b onclick/i.test(body), path);
    assert.ok(!/href="javascript:/i.test(body), path);
  }
});

test("comments: Markdown made safe, one reply level, only the author edits or deletes, curators hide", async () => {
  const paper = "/papers/2606.27617";
  await ada.get(paper);
  const payloads = '**bold** <script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) <a href="https://example.org" onclick="alert(4)">ok</a>';
  const made = await ada.post("/comments", { paper: "2606.27617", body: payloads });
  assert.equal(made.status, 303);
  const id = Number(/#comment-(\d+)/.exec(made.location!)![1]);
  let page = await bob.get(paper);
  assert.match(page.body, /<strong>bold<\/strong>/);
  assert.ok(!page.body.includes("<script>alert(1)"));
  assert.ok(!/onerror|onclick="alert/.test(page.body));
  assert.ok(!/href="javascript:/i.test(page.body));
  assert.match(page.body, /<a href="https:\/\/example.org" rel="nofollow ugc noopener noreferrer">ok<\/a>/);

  const reply = await bob.post("/comments", { paper: "2606.27617", body: "a reply", parent: String(id) });
  const replyId = Number(/#comment-(\d+)/.exec(reply.location!)![1]);
  await bob.post("/comments", { paper: "2606.27617", body: "deeper", parent: String(replyId) });
  assert.equal((await fx.community.listComments("2606.27617")).filter((c) => c.parentId === id).length, 2, "one reply level");

  assert.equal((await bob.post(`/comments/${id}/edit`, { body: "not yours" })).status, 403);
  assert.equal((await bob.post(`/comments/${id}/delete`, {})).status, 403);
  assert.equal((await bob.post(`/comments/${id}/hide`, {})).status, 403, "members do not moderate");
  assert.equal((await bob.post("/daily/remove", { paper: "2606.27617" })).status, 403, "members do not curate");
  assert.equal((await ada.post(`/comments/${id}/edit`, { body: "edited *text*" })).status, 303);
  assert.match((await bob.get(paper)).body, /edited <em>text<\/em>/);

  const curator = (await fx.community.getUserByEmail("bob@example.org"))!;
  await fx.community.updateUser(curator.id, { role: "curator" });
  await bob.get(paper);
  assert.equal((await bob.post(`/comments/${id}/hide`, { hidden: "1" })).status, 303);
  page = await new Agent(fx.app).get(paper);
  assert.match(page.body, /hidden by a curator/);
  assert.doesNotMatch(page.body, /edited <em>text/);
  assert.equal((await bob.post("/daily/remove", { paper: HOSTILE, back: "/daily" })).status, 303, "curators curate");
  await fx.community.updateUser(curator.id, { role: "member" });
});

test("comments are rate limited per member", async () => {
  const carol = await verifiedMember(fx, "carol@example.org", "Carol");
  await carol.get("/papers/hep-th/9901001");
  const statuses = [];
  for (let i = 0; i < 11; i++) statuses.push((await carol.post("/comments", { paper: "hep-th/9901001", body: `note ${i}` })).status);
  assert.deepEqual(statuses, [...Array(10).fill(303), 429]);
});

test("collections: notes, private stays private, public shows on the profile", async () => {
  await ada.get("/collections");
  const made = await ada.post("/collections", { name: "Reading list" });
  const path = made.location!;
  assert.match(path, /^\/collections\/\d+$/);
  const id = path.split("/").pop()!;
  await ada.get("/papers/2606.27617");
  assert.equal((await ada.post("/collections/add", { collection: id, paper: "2606.27617", note: "read <em>section 3</em>" })).status, 303);
  assert.match((await ada.get(path)).body, /read &lt;em&gt;section 3&lt;\/em&gt;/);
  assert.equal((await bob.get(path)).status, 404, "private");
  assert.equal((await bob.post("/collections/add", { collection: id, paper: HOSTILE, note: "" })).status, 404, "not theirs");
  await ada.get(path);
  await ada.post(`${path}/update`, { name: "Reading list", public: "1" });
  assert.equal((await bob.get(path)).status, 200);
  const adaId = (await fx.community.getUserByEmail("ada@example.org"))!.id;
  const profile = await bob.get(`/users/${adaId}`);
  assert.match(profile.body, /Reading list/);
  assert.match(profile.body, /Masked Language Flow Models/, "submissions listed");
  assert.ok(!/<b onclick/.test(profile.body));
});

test("trending shows each score's parts and moves with upvotes, comments and collection adds", async () => {
  const scoreOf = (body: string, id: string) => {
    const at = body.indexOf(`data-paper-id="${id}"`);
    return at < 0 ? null : Number(/Score ([\d.]+)/.exec(body.slice(at))![1]);
  };
  const before = await ada.get("/trending");
  assert.match(before.body, /<dt>upvotes<\/dt><dd>/);
  const target = "hep-th/9709111";
  const was = scoreOf(before.body, target);
  await ada.get(`/papers/${target}`);
  await ada.post("/vote", { paper: target, up: "1" });
  const after = await ada.get("/trending");
  const now = scoreOf(after.body, target);
  assert.ok(now !== null && (was === null || now > was), `${was} → ${now}`);
  const cat = await ada.get("/trending?cat=hep-th");
  assert.ok(cat.body.includes(`data-paper-id="${target}"`));
  const shown = [...cat.body.matchAll(/data-paper-id="([^"]+)"/g)].map((m) => m[1]!);
  for (const paper of await fx.store.getPapers(shown)) assert.ok(paper.categories.includes("hep-th"), paper.id);
});
