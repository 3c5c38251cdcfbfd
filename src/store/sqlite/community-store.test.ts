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
