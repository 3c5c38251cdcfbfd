/** The CommunityStore contract on PostgreSQL, one schema per test (test/store/postgres-suite.ts). */
import assert from "node:assert/strict";
import { test } from "node:test";
import pg from "pg";
import { runCommunityContract } from "../../../test/store/community-contract.js";
import { runStarContract } from "../../../test/store/star-contract.js";
import { dropSchema, postgresSuite, TEST_DATABASE_URL } from "../../../test/store/postgres-suite.js";
import { runThumbnailContract } from "../../../test/store/thumbnail-contract.js";
import { runInterestContract } from "../../../test/store/interest-contract.js";
import { openPostgresCommunityStore } from "./community-sql.js";

await postgresSuite("community", (freshSchema) => {
  const make = async () => {
    const schema = freshSchema();
    const store = await openPostgresCommunityStore({ url: TEST_DATABASE_URL, schema });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  };
  runCommunityContract("postgres", make);
  runThumbnailContract("postgres", make);
  runInterestContract("postgres", make);
  runStarContract("postgres", make);

  test("postgres: accounts made before usernames existed get them from their display names on open, oldest first", async () => {
    const schema = freshSchema();
    try {
      const store = await openPostgresCommunityStore({ url: TEST_DATABASE_URL, schema });
      for (const [email, displayName] of [["a@x.org", "Ada L."], ["b@x.org", "Ada L"], ["c@x.org", "Bob"]] as const) {
        await store.createUser({ email, displayName, passwordHash: "h", now: "2024-01-01T00:00:00.000Z" });
      }
      await store.close();
      // As migration 13 leaves an older database: the column exists, its values do not.
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`UPDATE "${schema}".users SET username = NULL`);
      await client.end();
      const reopened = await openPostgresCommunityStore({ url: TEST_DATABASE_URL, schema });
      const names = await Promise.all(["a@x.org", "b@x.org", "c@x.org"].map(async (e) => (await reopened.getUserByEmail(e))?.username));
      assert.deepEqual(names, ["ada-l", "ada-l-2", "bob"]);
      await reopened.close();
    } finally {
      await dropSchema(schema);
    }
  });
});
