/**
 * `paperfeed migrate` round trip: an instance with papers and every kind of community and mail
 * data in a SQLite file is moved into a fresh PostgreSQL schema by the real command; the command
 * proves each table equal, and the PostgreSQL stores then serve the same data and go on from it
 * (new ids and change-log sequence numbers continue after the copied ones).
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { openCommunityStore } from "../../src/store/open-community.js";
import { openDeliveryStore } from "../../src/store/open-delivery.js";
import { openApiTokenStore } from "../../src/store/open-api-tokens.js";
import { openStore } from "../../src/store/open.js";
import { fixturePapers, paperLike, testId } from "../store/fixture-papers.js";
import { TEST_DATABASE_URL, dropSchema, postgresSuite } from "../store/postgres-suite.js";

const BIN = fileURLToPath(new URL("../../bin/paperfeed.js", import.meta.url));
const run = promisify(execFile);
const NOW = "2026-06-01T12:00:00.000Z";

/** The URL a node would be given to use `schema`. */
const urlFor = (schema: string) => `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;

async function migrate(from: string, schema: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, "migrate", "--from", from, "--to", TEST_DATABASE_URL, "--schema", schema], { timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A small instance with one of everything the stores keep. */
async function makeInstance(file: string) {
  const papers = [...fixturePapers(), ...Array.from({ length: 40 }, (_, i) => paperLike(i + 1))];
  const store = SqliteStore.open({ path: file });
  await store.upsertPapers(papers);
  await store.deletePaper(testId(40));
  await store.close();
  const where = { path: file };
  const community = await openCommunityStore(where);
  const alice = await community.createUser({ email: "alice@example.org", displayName: "Alice", passwordHash: "scrypt$x", role: "admin", emailVerifiedAt: NOW, now: NOW });
  const bob = await community.createUser({ email: "bob@example.org", displayName: "Bob B", passwordHash: "scrypt$y", now: NOW });
  const paper = papers[0]!.id;
  await community.setVote(alice.id, paper, true, NOW);
  await community.setVote(bob.id, paper, true, NOW);
  const root = await community.addComment({ paperId: paper, userId: alice.id, parentId: null, body: "Nice result: $\\|x\\|_2$", now: NOW });
  await community.addComment({ paperId: paper, userId: bob.id, parentId: root.id, body: "Agreed", now: NOW });
  const list = await community.createCollection({ userId: bob.id, name: "Reading group", isPublic: true, now: NOW });
  await community.addToCollection(list.id, paper, "week 3", NOW);
  await community.addDailyEntry({ day: "2026-06-01", paperId: paper, userId: alice.id, now: NOW });
  await community.follow(bob.id, paper, NOW);
  await community.thumbnails.saveThumbnail({ paperId: paper, format: "webp", width: 320, height: 414, bytes: new Uint8Array([0, 1, 2, 250, 255]), renderedAt: NOW });
  await community.close();
  const delivery = await openDeliveryStore(where);
  const { subscriber } = await delivery.createSubscriber({ email: "carol@example.org", cadence: "daily", now: NOW });
  await delivery.updateSubscriber(subscriber.id, { status: "active", now: NOW });
  await delivery.addSavedSearch(subscriber.id, { name: "graphs", query: "graph neural", exclude: ["cs.CV"] }, NOW);
  await delivery.close();
  const tokens = await openApiTokenStore(where);
  await tokens.createToken({ email: "alice@example.org", accountId: String(alice.id), name: "script", prefix: "pf_abcd", tokenHash: "a".repeat(64), now: NOW });
  await tokens.close();
  return { papers, paper, alice, bob, list };
}

await postgresSuite("migrate", (freshSchema) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paperfeed-migrate-"));
  const schemas: string[] = [];
  after(async () => {
    for (const schema of schemas) await dropSchema(schema);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("paperfeed migrate moves every table, proves it, and PostgreSQL goes on from the copy", { timeout: 180_000 }, async () => {
    const file = path.join(dir, "instance.db");
    const made = await makeInstance(file);
    const schema = freshSchema();
    schemas.push(schema);

    const moved = await migrate(file, schema);
    assert.equal(moved.code, 0, moved.stderr + moved.stdout);
    assert.match(moved.stdout, /every count and checksum is equal/);
    for (const table of ["papers", "paper_changes", "users", "votes", "comments", "collections", "collection_items", "thumbnails", "subscribers", "saved_searches", "api_tokens", "follows", "daily_entries"]) {
      assert.match(moved.stdout, new RegExp(`^${table} +[1-9][\\d,]* +[1-9][\\d,]* +[0-9a-f]{32}  equal`, "m"), `${table} not reported equal:\n${moved.stdout}`);
    }
    assert.match(moved.stdout, /^day_counts .* equal \(rebuilt by the target\)$/m);

    const where = { url: urlFor(schema) };
    const lite = SqliteStore.open({ path: file });
    const pgStore = await openStore(where);
    const community = await openCommunityStore(where);
    try {
      // The same papers and change log, read through the stores.
      assert.deepEqual(await pgStore.getPaper(made.paper), await lite.getPaper(made.paper));
      assert.deepEqual(await pgStore.announcedDays({ limit: 50 }), await lite.announcedDays({ limit: 50 }));
      const liteChanges = await lite.changesSince(0, 1000);
      assert.deepEqual(await pgStore.changesSince(0, 1000), liteChanges);
      // New writes continue after the copied sequence numbers and ids.
      const lastSeq = Math.max(...liteChanges.map((c: { seq: number }) => c.seq));
      await pgStore.upsertPapers([paperLike(99)]);
      const next = await pgStore.changesSince(lastSeq, 10);
      assert.deepEqual(next.map((c: { id: string }) => c.id), [testId(99)]);
      const comments = await community.listComments(made.paper);
      assert.equal(comments.length, 2);
      assert.equal(comments[1]!.parentId, comments[0]!.id);
      assert.equal(comments[0]!.body, "Nice result: $\\|x\\|_2$");
      assert.deepEqual((await community.collectionItems(made.list.id)).map((i) => i.paperId), [made.paper]);
      assert.deepEqual([...(await community.thumbnails.getThumbnail(made.paper))!.bytes], [0, 1, 2, 250, 255]);
      assert.equal((await community.activityOf([made.paper])).get(made.paper)?.votes, 2);
      const carol = await community.createUser({ email: "carol@example.org", displayName: "Carol", passwordHash: "scrypt$z", now: NOW });
      assert.ok(carol.id > made.bob.id, `a new account reused id ${carol.id}`);
      assert.equal((await community.getUserByEmail("alice@example.org"))?.role, "admin");
    } finally {
      await lite.close();
      await pgStore.close();
      await community.close();
    }

    // Into a database that already holds an instance: refused, and nothing changes.
    const again = await migrate(file, schema);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /table \w+ already has \d+ rows; migrate into an empty database or a new --schema/);
  });

  test("paperfeed migrate names a missing source file and refuses a non-PostgreSQL target", async () => {
    const missing = await migrate(path.join(dir, "nope.db"), freshSchema());
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.db does not exist/);
    assert.equal(fs.existsSync(path.join(dir, "nope.db")), false, "a missing source was created");
    const wrong = await run(process.execPath, [BIN, "migrate", "--from", "x.db", "--to", "mysql://h/db"]).catch((e: { code: number; stderr: string }) => e);
    assert.equal((wrong as { code: number }).code, 2);
    assert.match((wrong as { stderr: string }).stderr, /--to must be a postgres:\/\/ URL/);
  });
});
