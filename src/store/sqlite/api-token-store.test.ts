import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runApiTokenContract } from "../../../test/store/api-token-contract.js";
import { SqliteApiTokenStore } from "./api-token-store.js";

runApiTokenContract("sqlite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "paperfeed-tokens-"));
  const store = SqliteApiTokenStore.open({ path: join(dir, "paperfeed.db") });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
