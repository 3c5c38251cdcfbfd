import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import Database from "better-sqlite3";
import os from "node:os";
import path from "node:path";
import { runCommunityContract } from "../../../test/store/community-contract.js";
import { runThumbnailContract } from "../../../test/store/thumbnail-contract.js";
import { runInterestContract } from "../../../test/store/interest-contract.js";
import { runStarContract } from "../../../test/store/star-contract.js";
import { openSqliteCommunityStore } from "./community-sql.js";

const make = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paperfeed-community-"));
  const store = openSqliteCommunityStore({ path: path.join(dir, "paperfeed.db") });
  return {
    store,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};

runCommunityContract("sqlite", make);
runThumbnailContract("sqlite", make);
runInterestContract("sqlite", make);
runStarContract("sqlite", make);

test("sqlite: accounts made before usernames existed get them from their display names on open, oldest first", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paperfeed-usernames-"));
  const file = path.join(dir, "paperfeed.db");
  try {
    const store = openSqliteCommunityStore({ path: file });
    for (const [email, displayName] of [["a@x.org", "Ada L."], ["b@x.org", "Ada L"], ["c@x.org", "Bob"]]) {
      await store.createUser({ email: email!, displayName: displayName!, passwordHash: "h", now: "2024-01-01T00:00:00.000Z" });
    }
    await store.close();
    // As migration 13 leaves an older database: the column exists, its values do not.
    const raw = new Database(file);
    raw.exec("UPDATE users SET username = NULL");
    raw.close();
    const reopened = openSqliteCommunityStore({ path: file });
    const names = await Promise.all(["a@x.org", "b@x.org", "c@x.org"].map(async (e) => (await reopened.getUserByEmail(e))?.username));
    assert.deepEqual(names, ["ada-l", "ada-l-2", "bob"]);
    await reopened.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("sqlite: comment counts stored while hidden comments still counted are recounted on open (migration 12)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paperfeed-comment-counts-"));
  const file = path.join(dir, "paperfeed.db");
  const now = "2024-01-01T00:00:00.000Z";
  try {
    const store = openSqliteCommunityStore({ path: file });
    const user = await store.createUser({ email: "a@x.org", displayName: "Ada", passwordHash: "h", now });
    for (const body of ["one", "two", "spam"]) await store.addComment({ paperId: "p1", userId: user.id, parentId: null, body, now });
    const spam = (await store.listComments("p1")).at(-1)!;
    await store.setCommentHidden(spam.id, true, now);
    assert.equal((await store.activityOf(["p1"])).get("p1")?.comments, 2);
    await store.close();
    // As an older database left it: the hidden comment counted, migration 12 not yet applied.
    const raw = new Database(file);
    raw.exec("UPDATE paper_activity SET comments = 3; DELETE FROM schema_migrations WHERE version = 12");
    raw.close();
    const reopened = openSqliteCommunityStore({ path: file });
    assert.equal((await reopened.activityOf(["p1"])).get("p1")?.comments, 2);
    await reopened.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
