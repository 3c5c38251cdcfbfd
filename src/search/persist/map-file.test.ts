import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { canMapFiles, mapOrRead, populateFileMaps } from "./map-file.js";

/** KiB of `file` this process has in memory through its maps of it (Rss in /proc/self/smaps). */
function mappedKiB(file: string): number {
  let kib = 0;
  let inFile = false;
  for (const line of readFileSync("/proc/self/smaps", "utf8").split("\n")) {
    if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) inFile = line.endsWith(` ${file}`);
    else if (inFile && line.startsWith("Rss:")) kib += Number(line.split(/\s+/)[1]);
  }
  return kib;
}

test("populateFileMaps fills in this process's maps of a file (ours and SQLite's), and names a file that is gone", { skip: process.platform !== "linux" }, async () => {
  if (process.env.CI) assert.ok(canMapFiles(), "native/mmap.c is built by npm install");
  if (!canMapFiles()) return;
  const dir = mkdtempSync(join(tmpdir(), "paperfeed-populate-"));
  try {
    // A mapped file nobody has read: none of it is in this process's page tables yet.
    const file = join(dir, "segment.bin");
    writeFileSync(file, randomBytes(8 << 20));
    const bytes = mapOrRead(file);
    assert.ok(mappedKiB(file) < 1024, `${mappedKiB(file)} KiB in before`);
    assert.equal(await populateFileMaps(file), 8 << 20);
    assert.equal(mappedKiB(file), 8 << 10);
    assert.equal(bytes.length, 8 << 20);

    // SQLite's own map of a database, as the server's store has it after its first read.
    const dbFile = join(dir, "papers.db");
    const db = new Database(dbFile);
    db.exec("CREATE TABLE papers (id TEXT PRIMARY KEY, data TEXT)");
    const insert = db.prepare("INSERT INTO papers VALUES (?, ?)");
    db.transaction(() => {
      for (let i = 0; i < 2_000; i++) insert.run(`p${i}`, randomBytes(1_500).toString("hex"));
    })();
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.pragma("mmap_size = 268435456");
    db.prepare("SELECT data FROM papers WHERE id = 'p7'").get();
    const size = readFileSync(dbFile).length;
    const populated = await populateFileMaps(dbFile);
    assert.ok(populated !== null && populated >= size, `populated ${populated} of ${size} bytes`);
    assert.ok(mappedKiB(dbFile) * 1024 >= size, `${mappedKiB(dbFile)} KiB in of ${size} bytes`);
    db.close();

    await assert.rejects(populateFileMaps(join(dir, "gone.db")), (e: Error) => e.message.includes("gone.db") && e.message.includes("cannot stat"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
