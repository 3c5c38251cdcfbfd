/** The CommunityStore contract on PostgreSQL, one schema per test (test/store/postgres-suite.ts). */
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
});
