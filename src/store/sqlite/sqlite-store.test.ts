import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { PaperfeedError } from "../../core/errors.js";
import { runStoreContract } from "../../../test/store/contract.js";
import { fixturePapers } from "../../../test/store/fixture-papers.js";
import { openStore } from "../open.js";
import { LATEST_SCHEMA, MIGRATIONS } from "./migrations.js";
import { MAX_MAP_BYTES, openSqliteDatabase } from "./open-database.js";
import { SqliteStore } from "./sqlite-store.js";

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "paperfeed-store-"));
}

runStoreContract("sqlite", async () => {
  const dir = tempDir();
  const file = path.join(dir, "paperfeed.db");
  const store = SqliteStore.open({ path: file });
  return {
    store,
    reopen: async () => SqliteStore.open({ path: file }),
    cleanup: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

const storeError = (id: string, file: string) => (e: unknown) =>
  e instanceof PaperfeedError && e.id === id && e.message.startsWith("store: ") && e.message.includes(file);

test("sqlite: creates the directory, uses WAL, records each migration once", async () => {
  const dir = tempDir();
  const file = path.join(dir, "nested", "deeper", "paperfeed.db");
  try {
    for (let i = 0; i < 2; i++) (await openStore({ path: file })).close();
    const db = new Database(file, { readonly: true });
    assert.equal(db.pragma("journal_mode", { simple: true }), "wal");
    const versions = db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all();
    assert.deepEqual(versions, MIGRATIONS.map((m) => m.version));
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("sqlite: refuses a database from a newer schema, naming the file", async () => {
  const dir = tempDir();
  const file = path.join(dir, "future.db");
  try {
    const store = SqliteStore.open({ path: file });
    await store.upsertPapers(fixturePapers());
    await store.close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from the future', '2099-01-01')").run(LATEST_SCHEMA + 1);
    db.close();
    assert.throws(() => SqliteStore.open({ path: file }), storeError("schema_too_new", file));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("sqlite: a file that is not a database is refused, and left as it was", () => {
  const dir = tempDir();
  const file = path.join(dir, "notes.db");
  const text = "these are my notes, not a database\n".repeat(200);
  fs.writeFileSync(file, text);
  try {
    assert.throws(() => SqliteStore.open({ path: file }), storeError("not_a_database", file));
    assert.equal(fs.readFileSync(file, "utf8"), text);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("sqlite: an unwritable location is refused, naming the file", () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, "plain-file"), "");
  // A path under a regular file cannot be created, whoever runs the test (even root).
  const file = path.join(dir, "plain-file", "paperfeed.db");
  try {
    assert.throws(() => SqliteStore.open({ path: file }), storeError("cannot_open", file));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("mapBytes maps the file for reads, capped at SQLite's ceiling; papers read the same either way", async () => {
  const dir = tempDir();
  const file = path.join(dir, "mapped.db");
  try {
    const mmapOf = (options: { mapBytes?: number }) => {
      const db = openSqliteDatabase({ path: file, ...options });
      try {
        return db.pragma("mmap_size", { simple: true });
      } finally {
        db.close();
      }
    };
    assert.equal(mmapOf({}), 0);
    assert.equal(mmapOf({ mapBytes: 1 << 26 }), 1 << 26);
    assert.equal(mmapOf({ mapBytes: 2 ** 40 }), MAX_MAP_BYTES);
    const plain = SqliteStore.open({ path: file });
    await plain.upsertPapers(fixturePapers());
    const ids = fixturePapers().map((p) => p.id);
    const expected = await plain.getPapers(ids);
    await plain.close();
    const mapped = SqliteStore.open({ path: file, mapBytes: MAX_MAP_BYTES });
    assert.deepEqual(await mapped.getPapers(ids), expected);
    await mapped.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
