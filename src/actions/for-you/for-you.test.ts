/**
 * For you on real papers (the bundled demo library, 4,772 recent arXiv papers, in a SQLite file):
 * it learns a topic from three upvotes, explains itself, demotes what is like a dismissed paper,
 * follows authors, and does not show a paper again once it has been shown.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Paper } from "../../core/paper.js";
import { DEMO_DATA_PATH } from "../../ingest/demo.js";
import { importFiles } from "../../ingest/import.js";
import { RecentPool } from "../../rank/for-you/recent-pool.js";
import { termBag, tfidf, dot } from "../../rank/for-you/vectors.js";
import type { CommunityStore } from "../../store/community-types.js";
import { openSqliteCommunityStore } from "../../store/sqlite/community-sql.js";
import { SqliteStore } from "../../store/sqlite/sqlite-store.js";
import { forYou, SEEN_GRACE_MS } from "./for-you.js";

let dir: string;
let store: SqliteStore;
let community: CommunityStore;
let pool: RecentPool;
let recent: Paper[];
const NOW = new Date("2026-07-02T12:00:00Z");
const iso = NOW.toISOString();

const mentions = (paper: Paper, word: RegExp) => word.test(`${paper.title} ${paper.abstract}`);

async function member(name: string) {
  return community.createUser({ email: `${name}@example.org`, displayName: name, passwordHash: "scrypt$x", now: iso });
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "paperfeed-foryou-"));
  const file = path.join(dir, "paperfeed.db");
  store = SqliteStore.open({ path: file });
  await importFiles(store, [DEMO_DATA_PATH]);
  community = openSqliteCommunityStore({ path: file });
  pool = new RecentPool(store);
  await pool.refresh();
  recent = pool.papers().map((p) => p.paper);
});

after(async () => {
  await community.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("three upvotes on one topic make For you about that topic, and it says why", async () => {
  const quantum = recent.filter((p) => /quantum/i.test(p.title));
  assert.ok(quantum.length >= 8, `the demo has ${quantum.length} recent quantum papers`);
  const ada = await member("ada");
  for (const p of quantum.slice(0, 3)) await community.setVote(ada.id, p.id, true, iso);
  const list = await forYou({ store, community, pool }, ada.id, { now: NOW, limit: 10 });
  assert.equal(list.trained, true);
  assert.equal(list.items.length, 10);
  const onTopic = list.items.filter((i) => mentions(i.paper, /quantum/i)).length;
  // Random picks from the pool would be about quantum in roughly 1 of 10.
  const base = recent.filter((p) => mentions(p, /quantum/i)).length / recent.length;
  assert.ok(onTopic >= 7, `${onTopic} of 10 picks mention quantum (pool base rate ${(base * 100).toFixed(0)}%)`);
  assert.ok(list.items.every((i) => !quantum.slice(0, 3).some((q) => q.id === i.paper.id)), "an upvoted paper was recommended back");
  const first = list.items[0]!.recommendation;
  assert.deepEqual(Object.keys(first.parts).sort(), ["author", "category", "notInterested", "search", "similar", "words"]);
  const words = first.reasons.find((r) => r.kind === "words");
  assert.ok(words && words.kind === "words" && words.words.length > 0, JSON.stringify(first.reasons));
  assert.ok(list.items.some((i) => i.recommendation.reasons.some((r) => r.kind === "similar" && r.signal === "upvoted")), "no pick says which upvote it is like");
});

test("Not interested removes the paper and demotes the papers most like it", async () => {
  const bo = await member("bo");
  const graphs = recent.filter((p) => /graph/i.test(p.title));
  for (const p of graphs.slice(0, 3)) await community.setVote(bo.id, p.id, true, iso);
  const beforeList = await forYou({ store, community, pool }, bo.id, { now: NOW, limit: 50 });
  const dismissed = beforeList.items[0]!.paper;
  const rankBefore = new Map(beforeList.items.map((i, k) => [i.paper.id, k]));
  // The picks most like the dismissed paper (by the same vectors the ranker uses).
  const vectorOf = (p: Paper) => tfidf(termBag(p), pool);
  const close = beforeList.items
    .slice(1)
    .map((i) => ({ id: i.paper.id, similarity: dot(vectorOf(i.paper), vectorOf(dismissed)) }))
    .filter((x) => x.similarity >= 0.25);
  assert.ok(close.length >= 1, "no pick is close to the dismissed one; the test needs one");

  await community.interests.markNotInterested(bo.id, dismissed.id, iso);
  const afterList = await forYou({ store, community, pool }, bo.id, { now: NOW, limit: 50 });
  const rankAfter = new Map(afterList.items.map((i, k) => [i.paper.id, k]));
  assert.equal(rankAfter.has(dismissed.id), false, "the dismissed paper is still shown");
  for (const { id, similarity } of close) {
    const was = rankBefore.get(id)!;
    const now = rankAfter.get(id) ?? Infinity;
    assert.ok(now > was - 1, `${id} (similarity ${similarity.toFixed(2)}) moved up from ${was} to ${now}`);
  }
  const demoted = close.filter(({ id }) => (rankAfter.get(id) ?? Infinity) > rankBefore.get(id)!);
  assert.ok(demoted.length >= Math.ceil(close.length / 2), `only ${demoted.length} of ${close.length} close papers went down`);
  assert.equal(afterList.learnedFrom.dismissed, 1);
});

test("following an author brings their new papers first, with the reason", async () => {
  const cy = await member("cy");
  const paper = recent.find((p) => p.authors.length >= 2)!;
  const author = paper.authors[1]!.name;
  await community.interests.followInterest(cy.id, "author", author, iso);
  const list = await forYou({ store, community, pool }, cy.id, { now: NOW, limit: 10 });
  assert.equal(list.trained, true);
  const pick = list.items.find((i) => i.paper.id === paper.id);
  assert.ok(pick, `${paper.id} by ${author} is not among the picks`);
  assert.ok(pick.recommendation.reasons.some((r) => r.kind === "author" && r.name === author));
});

test("a paper shown is not shown again after a few hours, but a reload within them keeps the list", async () => {
  const di = await member("di");
  for (const p of recent.filter((p) => /language model/i.test(p.title)).slice(0, 3)) await community.setVote(di.id, p.id, true, iso);
  const shown = await forYou({ store, community, pool }, di.id, { now: NOW, limit: 10, markSeen: true });
  const soon = await forYou({ store, community, pool }, di.id, { now: new Date(NOW.getTime() + 3_600_000), limit: 10 });
  assert.deepEqual(soon.items.map((i) => i.paper.id), shown.items.map((i) => i.paper.id));
  const later = await forYou({ store, community, pool }, di.id, { now: new Date(NOW.getTime() + SEEN_GRACE_MS + 60_000), limit: 10 });
  const again = later.items.filter((i) => shown.items.some((s) => s.paper.id === i.paper.id));
  assert.deepEqual(again, [], "papers shown hours ago came back");
  assert.equal(later.items.length, 10);
});

test("a member who has done nothing gets no list, and is told how to start", async () => {
  const ed = await member("ed");
  const list = await forYou({ store, community, pool }, ed.id, { now: NOW });
  assert.equal(list.trained, false);
  assert.deepEqual(list.items, []);
});
