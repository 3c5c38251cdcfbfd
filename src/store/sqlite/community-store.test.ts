import fs from "node:fs";
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
