/** Paper events and follows on SQLite: one file holding the papers Store and the CommunityStore. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runEventsContract } from "../../../test/store/events-contract.js";
import { openSqliteCommunityStore } from "./community-sql.js";
import { SqliteStore } from "./sqlite-store.js";

runEventsContract("sqlite", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paperfeed-events-"));
  const file = path.join(dir, "paperfeed.db");
  const store = SqliteStore.open({ path: file });
  const community = openSqliteCommunityStore({ path: file });
  return {
    store,
    community,
    cleanup: async () => {
      await community.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
