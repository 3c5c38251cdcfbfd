/**
 * The Store contract on PostgreSQL. Each test gets its own schema (pf_test_<run>_<n>), dropped
 * afterwards. Server: env PAPERFEED_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test.
 * An unreachable server FAILS this file (CI starts one); set PAPERFEED_SKIP_POSTGRES=1 to skip.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import pg from "pg";
import { PaperfeedError, messageOf } from "../../core/errors.js";
import { runStoreContract } from "../../../test/store/contract.js";
import { fixturePapers } from "../../../test/store/fixture-papers.js";
import { openStore } from "../open.js";
import { PG_LATEST_SCHEMA, PG_MIGRATIONS } from "./migrations.js";
import { PostgresStore } from "./postgres-store.js";

const url = process.env.PAPERFEED_TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const run = randomBytes(4).toString("hex");
let schemas = 0;

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const dropSchema = (schema: string) => admin((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));

async function reachable(): Promise<string | null> {
  try {
    await admin((c) => c.query("SELECT 1"));
    return null;
  } catch (error) {
    return messageOf(error) || String((error as { code?: string }).code);
  }
}

const problem = process.env.PAPERFEED_SKIP_POSTGRES === "1" ? "skipped" : await reachable();

if (problem === "skipped") {
  test("postgres store", { skip: "PAPERFEED_SKIP_POSTGRES=1" }, () => {});
} else if (problem) {
  test("postgres store: server reachable", () => {
    assert.fail(`PostgreSQL at ${url} is unreachable (${problem}); start it, set PAPERFEED_TEST_DATABASE_URL, or set PAPERFEED_SKIP_POSTGRES=1 to skip`);
  });
} else {
  runStoreContract("postgres", async () => {
    const schema = `pf_test_${run}_${schemas++}`;
    const store = await PostgresStore.open({ url, schema });
    return {
      store,
      reopen: () => PostgresStore.open({ url, schema }),
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });

  test("postgres: openStore picks PostgreSQL for a postgres:// URL", async () => {
    const schema = `pf_test_${run}_open`;
    await admin((c) => c.query(`CREATE SCHEMA "${schema}"`));
    // The URL's libpq-style `options` selects the schema, so nothing lands in public.
    const withSchema = `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const store = await openStore({ url: withSchema, path: "ignored.db" });
    try {
      assert.equal((await store.stats()).backend, "postgres");
      const tables = await admin((c) => c.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = $1 AND tablename = 'papers'", [schema]));
      assert.equal(tables.rows[0].n, 1);
    } finally {
      await store.close();
      await dropSchema(schema);
    }
  });

  test("postgres: refuses a schema from a newer paperfeed, and migrates idempotently", async () => {
    const schema = `pf_test_${run}_future`;
    try {
      await (await PostgresStore.open({ url, schema })).close();
      const store = await PostgresStore.open({ url, schema });
      await store.upsertPapers(fixturePapers());
      await store.close();
      const versions = await admin((c) => c.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`));
      assert.deepEqual(versions.rows.map((r) => r.version), PG_MIGRATIONS.map((m) => m.version));
      await admin((c) => c.query(`INSERT INTO "${schema}".schema_migrations (version, name) VALUES ($1, 'from the future')`, [PG_LATEST_SCHEMA + 1]));
      await assert.rejects(PostgresStore.open({ url, schema }), (e: unknown) => e instanceof PaperfeedError && e.id === "schema_too_new" && e.message.includes(schema));
    } finally {
      await dropSchema(schema);
    }
  });
}

test("postgres: an unreachable server is a store error naming it, without the password", async () => {
  const bad = "postgres://someone:hunter2@127.0.0.1:1/nowhere";
  await assert.rejects(PostgresStore.open({ url: bad }), (e: unknown) => {
    assert.ok(e instanceof PaperfeedError && e.id === "cannot_connect", messageOf(e));
    assert.match(e.message, /^store: cannot connect to PostgreSQL at postgres:\/\/someone@127\.0\.0\.1:1\/nowhere/);
    assert.doesNotMatch(e.message, /hunter2/);
    return true;
  });
});
