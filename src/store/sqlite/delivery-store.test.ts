import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runDeliveryContract } from "../../../test/store/delivery-contract.js";
import { SqliteDeliveryStore } from "./delivery-store.js";

runDeliveryContract("sqlite", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paperfeed-delivery-"));
  const store = SqliteDeliveryStore.open({ path: path.join(dir, "paperfeed.db") });
  return {
    store,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
