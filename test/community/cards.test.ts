/**
 * The card every list shows (upvote with its state, comment count, one-click Save), Trending's
 * score disclosure, the paper page's top actions, math in comments, and following an author.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Agent, type CommunityApp, openCommunityApp, verifiedMember } from "./community-app.js";

let fx: CommunityApp;
let ada: Agent;
let bob: Agent;
let paper = "";
/** How many times pages asked the store for activity counts. */
let activityQueries = 0;

before(async () => {
  fx = await openCommunityApp();
  // Counts the calls on the real store; every answer is the store's own.
  const activityOf = fx.community.activityOf.bind(fx.community);
  fx.community.activityOf = (ids) => {
    activityQueries++;
    return activityOf(ids);
  };
  ada = await verifiedMember(fx, "ada@example.org", "Ada");
  bob = await verifiedMember(fx, "bob@example.org", "Bob");
  paper = /data-paper-id="([^"]+)"/.exec((await new Agent(fx.app).get("/")).body)![1]!;
});
after(() => fx.close());

/** The card of `id` on a page, from its article to the next. */
function cardOf(body: string, id: string): string {
  const start = body.indexOf(`data-paper-id="${id}"`);
  assert.ok(start > 0, `no card for ${id}`);
  const end = body.indexOf("</article>", start);
  return body.slice(start, end);
}

test("cards show the upvote count with a clear voted state, the comment count, and a sign-in link for visitors", async () => {
  await ada.get(`/papers/${paper}`);
  assert.equal((await ada.post("/vote", { paper, up: "1", back: "/" })).status, 303);
  assert.equal((await ada.post("/comments", { paper, body: "First" })).status, 303);
  assert.equal((await bob.post("/comments", { paper, body: "Second" })).status, 303);

  const mine = cardOf((await ada.get("/")).body, paper);
  assert.match(mine, /class="card-actions"><form[^>]*action="\/vote"/);
  assert.match(mine, /class="vote-button" aria-pressed="true"><span aria-hidden="true">&#9650;<\/span><span class="count">1<\/span>/);
  assert.match(mine, /class="comment-count" href="\/papers\/[^"#]+#comments" aria-label="2 comments"/);

  const theirs = cardOf((await bob.get("/")).body, paper);
  assert.match(theirs, /class="vote-button" aria-pressed="false"><span aria-hidden="true">&#9650;<\/span><span class="count">1<\/span>/);

  const visitor = cardOf((await new Agent(fx.app).get("/")).body, paper);
  assert.match(visitor, /<a class="vote-static" href="\/account\/signin\?next=%2F"[^>]*><span aria-hidden="true">&#9650;<\/span><span class="count">1<\/span>/);
  assert.match(visitor, /<a class="save-link" href="\/account\/signin\?next=%2F">Save/);
  assert.doesNotMatch(visitor, /<form/, "a visitor gets no form that cannot work");
});

test("the counts of a page of cards come from one store query, on every list page", async () => {
  const visitor = new Agent(fx.app);
  const author = (await fx.store.getPaper(paper))!.authors[0]!.name;
  for (const path of ["/", "/new", "/search?q=model", "/trending", `/authors/${encodeURIComponent(author)}`]) {
    activityQueries = 0;
    const page = await visitor.get(path);
    assert.equal(page.status, 200, path);
    assert.ok((page.body.match(/class="card-actions"/g) ?? []).length >= 1, `${path} shows counts on its cards`);
    assert.equal(activityQueries, 1, `${path} asked for activity ${activityQueries} times`);
  }
});

test("Save is one click: a member's first save makes a private “Reading list”, later saves go to it", async () => {
  const carol = await verifiedMember(fx, "carol@example.org", "Carol");
  const first = cardOf((await carol.get("/new")).body, paper);
  assert.match(first, /<form method="post" action="\/collections\/add" class="save-form">/);
  assert.match(first, /name="collection" value="new"/);
  assert.match(first, /name="name" value="Reading list"/);
  assert.match(first, /name="back" value="\/new"/);
  const saved = await carol.post("/collections/add", { paper, collection: "new", name: "Reading list", back: "/new" });
  assert.deepEqual([saved.status, saved.location], [303, "/new"]);
  const [list] = await fx.community.listCollections((await fx.community.getUserByEmail("carol@example.org"))!.id, false);
  assert.equal(list?.name, "Reading list");
  assert.equal(list?.isPublic, false);
  const next = cardOf((await carol.get("/new")).body, paper);
  assert.match(next, new RegExp(`name="collection" value="${list!.id}"`));
  assert.doesNotMatch(next, /value="new"/);
});

test("Trending: the score's parts sit behind “Why is this here?”, the vote arrow beside its count", async () => {
  const page = (await new Agent(fx.app).get("/trending")).body;
  const card = cardOf(page, paper);
  assert.match(card, /<details class="score-parts"><summary>Why is this here\?<\/summary><p>Score \d+\.\d\d, from:<\/p><dl aria-label="Parts of the score">/);
  assert.match(card, /<a class="vote-static"[^>]*><span aria-hidden="true">&#9650;<\/span><span class="count">1<\/span>/);
  assert.doesNotMatch(page, /class="ranked"/, "no separate vote column");
  assert.equal((page.match(/<span>Score /g) ?? []).length, 0, "no score rows outside the disclosure");
});

test("the paper page opens with its actions: upvote, Save, Follow, Cite, PDF, arXiv (and code)", async () => {
  const page = (await ada.get(`/papers/${paper}`)).body;
  const start = page.indexOf('<div class="actions">');
  const block = page.slice(start, page.indexOf('aria-labelledby="abstract-heading"'));
  const at = (pattern: RegExp) => {
    const m = pattern.exec(block);
    assert.ok(m, `no ${pattern} in the actions block`);
    return m.index;
  };
  const order = [at(/action="\/vote"/), at(/action="\/collections\/add"/), at(/action="\/follow"/), at(/>\s*Cite\s*</), at(/>\s*PDF\s*</), at(/>\s*arXiv page\s*</)];
  assert.deepEqual(order, [...order].sort((a, b) => a - b), `order ${order}`);
  assert.ok(start < page.indexOf('aria-labelledby="abstract-heading"'), "the actions come before the abstract");
  const community = page.slice(page.indexOf('class="community"'));
  assert.doesNotMatch(community, /action="\/vote"/, "the upvote is not repeated at the bottom");
  // The For you box still lands before the details section.
  assert.ok(page.indexOf('aria-labelledby="details-heading"') > 0);
});

test("comments render math with KaTeX and Markdown keeps backslashes inside $…$", async () => {
  const body = "The norm $\\|x\\|_2$ is *small*, and $$a_1 + a_2$$ too; outside math \\* stays a star.";
  await ada.post("/comments", { paper, body });
  const page = (await ada.get(`/papers/${paper}`)).body;
  const comment = page.slice(page.lastIndexOf('class="comment-body"'));
  assert.match(comment, /<span class="katex">/);
  assert.match(comment, /<annotation encoding="application\/x-tex">\\\|x\\\|_2<\/annotation>/, "\\|x\\| keeps its backslashes");
  assert.match(comment, /<annotation encoding="application\/x-tex">a_1 \+ a_2<\/annotation>/, "underscores in math are no emphasis");
  assert.match(comment, /<em>small<\/em>/);
  assert.match(comment, /stays a star/);
  assert.match(page, /<link rel="stylesheet" href="[^"]*katex[^"]*\.css"/, "the page loads KaTeX's stylesheet");
});

test("author pages: Follow / Following as a form for members, a sign-in link for visitors", async () => {
  const author = (await fx.store.getPaper(paper))!.authors[0]!.name;
  const path = `/authors/${encodeURIComponent(author)}`;
  const visitor = (await new Agent(fx.app).get(path)).body;
  assert.match(visitor, /<div class="author-actions"><a class="button" href="\/account\/signin\?next=[^"]+">Sign in to follow<\/a>/);

  let page = (await bob.get(path)).body;
  assert.match(page, /action="\/interests"/);
  assert.match(page, /name="kind" value="author"/);
  assert.match(page, /aria-pressed="false">Follow</);
  const followed = await bob.post("/interests", { kind: "author", value: author, on: "1", back: path });
  assert.deepEqual([followed.status, followed.location], [303, path]);
  page = (await bob.get(path)).body;
  assert.match(page, /aria-pressed="true">Following</);
  assert.match(page, /name="on" value="0"/);
  const bobId = (await fx.community.getUserByEmail("bob@example.org"))!.id;
  assert.deepEqual((await fx.community.interests.listInterests(bobId)).map((i) => [i.kind, i.value]), [["author", author]]);
});
