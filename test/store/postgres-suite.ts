/**
 * Runs a contract suite on PostgreSQL, one fresh schema per test (dropped afterwards). Server:
 * env PAPERFEED_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; set
 * PAPERFEED_SKIP_POSTGRES=1 to skip. An unreachable server is a failing test, never a silent skip.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import pg from "pg";
import { messageOf } from "../../src/core/errors.js";

export const TEST_DATABASE_URL = process.env.PAPERFEED_TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** `register` receives a factory of fresh schema names; each caller drops its schema with `dropSchema`. */
export async function postgresSuite(label: string, register: (freshSchema: () => string) => void): Promise<void> {
  const run = randomBytes(4).toString("hex");
  const prefix = `pf_${label.replace(/\W+/g, "_")}_${run}`;
  if (process.env.PAPERFEED_SKIP_POSTGRES === "1") {
    test(`postgres ${label}`, { skip: "PAPERFEED_SKIP_POSTGRES=1" }, () => {});
    return;
  }
  const problem = await dropSchema(`${prefix}_probe`).then(() => null, (e: unknown) => messageOf(e) || "unreachable");
  if (problem) {
    test(`postgres ${label}: server reachable`, () => assert.fail(`PostgreSQL at ${TEST_DATABASE_URL} is unreachable (${problem})`));
    return;
  }
  let schemas = 0;
  register(() => `${prefix}_${schemas++}`);
}
