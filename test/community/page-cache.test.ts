/** Paper pages in the page cache (src/serve/middleware/page-cache.ts), with the community mounted. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Agent, type CommunityApp, openCommunityApp, verifiedMember } from "./community-app.js";

let fx: CommunityApp;
let ada: Agent;
// The live index's change seq in a real server; here the test moves it.
let version = 1;
const PAPER = "2606.27617";

before(async () => {
  fx = await openCommunityApp({}, { pageVersion: () => version });
  ada = await verifiedMember(fx, "ada@example.org", "Ada");
});
after(() => fx.close());

test("an anonymous paper page asked again is kept until a store change or a write answered here; members' pages and the community parts are always fresh", async () => {
  const anonymous = new Agent(fx.app);
  const first = await anonymous.get(`/papers/${PAPER}`);
  assert.equal(first.status, 200);
  assert.doesNotMatch(first.body, /name="_csrf"/, "an anonymous paper page carries no token of its visitor");
  assert.equal(first.headers.get("set-cookie"), null);
  await anonymous.get(`/papers/${PAPER}`);

  // Changed by another process without the version moving: the kept page stays (a few seconds).
  const [paper] = await fx.store.getPapers([PAPER]);
  await fx.store.upsertPapers([{ ...paper!, title: "A retitled paper" }]);
  assert.doesNotMatch((await anonymous.get(`/papers/${PAPER}`)).body, /A retitled paper/, "served from the cache");
  assert.match((await ada.get(`/papers/${PAPER}`)).body, /A retitled paper/, "a member's page is always rendered");

  // Comments and votes are added outside the cache: another process's comment shows at once.
  const author = (await fx.community.getUserByEmail("ada@example.org"))!;
  await fx.community.addComment({ paperId: PAPER, userId: author.id, parentId: null, body: "from another process", now: new Date().toISOString() });
  const kept = await anonymous.get(`/papers/${PAPER}`);
  assert.match(kept.body, /from another process/);
  assert.doesNotMatch(kept.body, /A retitled paper/, "still the kept page");

  // A write answered by this process: the next anonymous page is rendered again.
  assert.equal((await ada.post("/comments", { paper: PAPER, body: "posted here" })).status, 303);
  const afterWrite = await anonymous.get(`/papers/${PAPER}`);
  assert.match(afterWrite.body, /posted here/);
  assert.match(afterWrite.body, /A retitled paper/);

  // A store change the index has seen (its seq moves): rendered again.
  await fx.store.upsertPapers([{ ...paper!, title: "Retitled once more" }]);
  await anonymous.get(`/papers/${PAPER}`);
  assert.doesNotMatch((await anonymous.get(`/papers/${PAPER}`)).body, /Retitled once more/, "kept until the version moves");
  version++;
  assert.match((await anonymous.get(`/papers/${PAPER}`)).body, /Retitled once more/);
});

test("a paper page that is not found, and the paper's Markdown, are never kept", async () => {
  const anonymous = new Agent(fx.app);
  for (let i = 0; i < 2; i++) assert.equal((await anonymous.get("/papers/2607.54321")).status, 404);
  await fx.store.upsertPapers([{ ...(await fx.store.getPapers([PAPER]))[0]!, id: "2607.54321", title: "Now stored" }]);
  const found = await anonymous.get("/papers/2607.54321");
  assert.equal(found.status, 200, "a page that was a 404 is not served from the cache once the paper exists");
  assert.match(found.body, /Now stored/);
  const markdown = await anonymous.get(`/papers/${PAPER}.md`);
  assert.match(markdown.headers.get("content-type") ?? "", /markdown/);
});
