/**
 * Following over HTTP with the real app and a real SQLite file: follow a paper from its page, a
 * new version stored by any writer shows on the paper page, on /following and in the member's
 * secret Atom feed (read without cookies, parsed by a maintained feed parser); the feed address
 * is revocable; the "follow what I upvote or collect" setting.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { Agent, type CommunityApp, openCommunityApp, verifiedMember } from "../../../../test/community/community-app.js";
import type { Paper } from "../../../core/paper.js";

let fx: CommunityApp;
let ada: Agent;
let bob: Agent;
const PAPER = "2606.27617";

before(async () => {
  fx = await openCommunityApp();
  ada = await verifiedMember(fx, "ada@example.org", "Ada");
  bob = await verifiedMember(fx, "bob@example.org", "Bob");
});
after(() => fx.close());

/** The stored paper with one more version, dated `date`, with a code link in its comments. */
async function nextVersion(id: string, date: string): Promise<Paper> {
  const paper = (await fx.store.getPaper(id))!;
  const version = paper.version + 1;
  return { ...paper, version, updated: date, versions: [...paper.versions, { version, date, size: "300kb" }] };
}

const feedPathOf = (html: string) => /href="http:\/\/127\.0\.0\.1:8080(\/feeds\/following\/\d+\/[A-Za-z0-9_-]+\.atom)"/.exec(html)?.[1];

test("a member follows a paper from its page; its new version shows on the page, on Following and in the secret feed", async () => {
  const visitor = new Agent(fx.app);
  assert.match((await visitor.get(`/papers/${PAPER}`)).body, /href="\/account\/signin\?next=%2Fpapers%2F2606\.27617">\s*Sign in to follow/);

  let page = await ada.get(`/papers/${PAPER}`);
  assert.match(page.body, /<form method="post" action="\/follow"[\s\S]*?name="on" value="1"[\s\S]*?aria-pressed="false">Follow</);
  assert.equal((await ada.post("/follow", { paper: PAPER, on: "1", back: "/x" }, { csrf: false })).status, 403, "CSRF like every form");
  const followed = await ada.post("/follow", { paper: PAPER, on: "1", back: `/papers/${PAPER}` });
  assert.deepEqual([followed.status, followed.location], [303, `/papers/${PAPER}`]);
  page = await ada.get(`/papers/${PAPER}`);
  assert.match(page.body, /aria-pressed="true">Following</);
  assert.doesNotMatch(page.body, /id="updates-heading"/, "no updates yet");
  assert.equal((await ada.post("/follow", { paper: "2401.99999", on: "1" })).status, 404, "only stored papers");

  // Any writer: here the store directly, as the harvester and imports do.
  const v = await nextVersion(PAPER, "2026-07-03T17:00:00.000Z");
  await fx.store.upsertPapers([{ ...v, comments: `${v.comments ?? ""} Code: https://github.com/ada/follow-test`.trim(), codeLinks: [...v.codeLinks, { kind: "github", url: "https://github.com/ada/follow-test" }] }]);
  const label = `v${v.version} on 2026-07-03`;

  page = await ada.get(`/papers/${PAPER}`);
  assert.match(page.body, new RegExp(`id="updates-heading"[\\s\\S]*${label}[\\s\\S]*Code: github.com/ada/follow-test`));
  assert.match((await visitor.get(`/papers/${PAPER}`)).body, new RegExp(label), "updates are public");

  const following = await ada.get("/following");
  assert.equal(following.status, 200);
  assert.match(following.body, new RegExp(`Latest updates[\\s\\S]*${label}`));
  assert.match(following.body, /data-paper-id="2606\.27617"/);
  assert.equal((await visitor.get("/following")).location, "/account/signin?next=%2Ffollowing");

  const feedPath = feedPathOf(following.body);
  assert.ok(feedPath, "the Following page links the feed");
  const reader = new Agent(fx.app); // a feed reader: no cookies
  const atom = await reader.get(feedPath!);
  assert.equal(atom.status, 200);
  assert.match(atom.headers.get("content-type") ?? "", /application\/atom\+xml/);
  const feed = parseFeed(atom.body);
  const titles = feed.items.map((i) => i.title ?? "");
  assert.ok(titles.some((t) => t.endsWith(`— v${v.version}`)), titles.join(" | "));
  assert.ok(titles.some((t) => t.endsWith("— Code: github.com/ada/follow-test")));
  assert.ok(feed.items.every((i) => i.url === `http://127.0.0.1:8080/papers/${PAPER}` && i.id));

  // Re-storing the same record makes no second entry.
  await fx.store.upsertPapers([(await fx.store.getPaper(PAPER))!]);
  assert.equal(parseFeed((await reader.get(feedPath!)).body).items.length, feed.items.length);

  // A new address revokes the old one; a made-up key is refused the same way.
  assert.equal((await ada.post("/following/feed/renew", {})).status, 303);
  assert.equal((await reader.get(feedPath!)).status, 404);
  const renewed = feedPathOf((await ada.get("/following")).body)!;
  assert.notEqual(renewed, feedPath);
  assert.equal((await reader.get(renewed)).status, 200);
  assert.equal((await reader.get(renewed.replace(/\/[^/]+\.atom$/, "/not-the-key.atom"))).status, 404);

  // Unfollowing empties the member's updates.
  await ada.post("/follow", { paper: PAPER, on: "0", back: "/following" });
  assert.equal(parseFeed((await reader.get(renewed)).body).items.length, 0);
  assert.match((await ada.get(`/papers/${PAPER}`)).body, /aria-pressed="false">Follow</);
});

test("upvoting or collecting follows a paper only when the member turned that on in settings", async () => {
  const bobUser = (await fx.community.getUserByEmail("bob@example.org"))!;
  const id = "hep-th/9901001";
  assert.match((await bob.get("/account/settings")).body, /name="followOnActivity" value="1"(?! checked)/);
  await bob.post("/vote", { paper: id, up: "1", back: "/" });
  assert.equal(await fx.community.isFollowing(bobUser.id, id), false, "off by default");

  assert.equal((await bob.post("/account/settings", { followOnActivity: "1" })).location, "/account/settings?notice=saved");
  assert.match((await bob.get("/account/settings")).body, /name="followOnActivity" value="1" checked/);
  await bob.post("/vote", { paper: id, up: "0", back: "/" });
  await bob.post("/vote", { paper: id, up: "1", back: "/" });
  assert.equal(await fx.community.isFollowing(bobUser.id, id), true, "upvoting follows");

  await bob.get("/collections");
  const made = await bob.post("/collections", { name: "Reading" });
  const collection = made.location!.split("/").pop()!;
  await bob.post("/collections/add", { collection, paper: PAPER, note: "" });
  assert.equal(await fx.community.isFollowing(bobUser.id, PAPER), true, "collecting follows");

  await bob.post("/account/settings", {});
  assert.equal((await fx.community.followPrefs(bobUser.id)).followOnActivity, false, "an unticked box turns it off");
});
