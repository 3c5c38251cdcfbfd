/** Paper events and follows on PostgreSQL, one schema per test holding both stores (test/store/postgres-suite.ts). */
import { runEventsContract } from "../../../test/store/events-contract.js";
import { dropSchema, postgresSuite, TEST_DATABASE_URL } from "../../../test/store/postgres-suite.js";
import { openPostgresCommunityStore } from "./community-sql.js";
import { PostgresStore } from "./postgres-store.js";

await postgresSuite("events", (freshSchema) =>
  runEventsContract("postgres", async () => {
    const schema = freshSchema();
    const store = await PostgresStore.open({ url: TEST_DATABASE_URL, schema });
    const community = await openPostgresCommunityStore({ url: TEST_DATABASE_URL, schema });
    return {
      store,
      community,
      cleanup: async () => {
        await community.close();
        await store.close();
        await dropSchema(schema);
      },
    };
  }),
);
