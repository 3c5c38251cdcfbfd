/** The ApiTokenStore contract on PostgreSQL (server and skipping: test/store/postgres-suite.ts). */
import { runApiTokenContract } from "../../../test/store/api-token-contract.js";
import { TEST_DATABASE_URL, dropSchema, postgresSuite } from "../../../test/store/postgres-suite.js";
import { PostgresApiTokenStore } from "./api-token-store.js";

await postgresSuite("api tokens", (freshSchema) =>
  runApiTokenContract("postgres", async () => {
    const schema = freshSchema();
    const store = await PostgresApiTokenStore.open({ url: TEST_DATABASE_URL, schema });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  }),
);
