/**
 * The DeliveryStore contract on PostgreSQL, one schema per test (dropped afterwards). Server and
 * skipping as in postgres-store.test.ts: PAPERFEED_TEST_DATABASE_URL, PAPERFEED_SKIP_POSTGRES=1.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import pg from "pg";
import { messageOf } from "../../core/errors.js";
import { runDeliveryContract } from "../../../test/store/delivery-contract.js";
import { PostgresDeliveryStore } from "./delivery-store.js";

const url = process.env.PAPERFEED_TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const run = randomBytes(4).toString("hex");
let schemas = 0;

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

const skipped = process.env.PAPERFEED_SKIP_POSTGRES === "1";
const problem = skipped
  ? null
  : await dropSchema(`pf_delivery_probe_${run}`).then(
      () => null,
      (e: unknown) => messageOf(e) || "unreachable",
    );

if (skipped) {
  test("postgres delivery store", { skip: "PAPERFEED_SKIP_POSTGRES=1" }, () => {});
} else if (problem) {
  test("postgres delivery store: server reachable", () =>
    assert.fail(`PostgreSQL at ${url} is unreachable (${problem})`));
} else {
  runDeliveryContract("postgres", async () => {
    const schema = `pf_delivery_${run}_${schemas++}`;
    const store = await PostgresDeliveryStore.open({ url, schema });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });
}
