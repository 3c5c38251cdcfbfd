/** Every SQL statement the SQLite store runs, prepared once per connection. */
import type Database from "better-sqlite3";

export function prepareStatements(db: Database.Database) {
  return {
    storedRow: db.prepare("SELECT version, announced, data FROM papers WHERE id = ?"),
    writePaper: db.prepare(`
      INSERT INTO papers (id, version, announced, primary_category, seq, data)
      VALUES (@id, @version, @announced, @primaryCategory, @seq, @data)
      ON CONFLICT (id) DO UPDATE SET version = excluded.version, announced = excluded.announced,
        primary_category = excluded.primary_category, seq = excluded.seq, data = excluded.data`),
    deletePaper: db.prepare("DELETE FROM papers WHERE id = ?"),
    recordEvent: db.prepare(
      "INSERT INTO paper_events (paper_id, kind, detail, happened_at, recorded_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    ),
    // REPLACE drops the id's previous change row; the new row gets the next AUTOINCREMENT seq.
    logChange: db.prepare("INSERT OR REPLACE INTO changes (id, kind) VALUES (?, ?)"),
    paperData: db.prepare("SELECT data FROM papers WHERE id = ?").pluck(),
    listAnnounced: db
      .prepare("SELECT data FROM papers WHERE announced BETWEEN ? AND ? ORDER BY announced DESC, id LIMIT ? OFFSET ?")
      .pluck(),
    countAnnounced: db.prepare("SELECT coalesce(sum(count), 0) FROM day_counts WHERE day BETWEEN ? AND ?").pluck(),
    announcedDays: db.prepare("SELECT day, count FROM day_counts ORDER BY day DESC LIMIT ? OFFSET ?"),
    dayBefore: db.prepare("SELECT max(day) FROM day_counts WHERE day < ?").pluck(),
    dayAfter: db.prepare("SELECT min(day) FROM day_counts WHERE day > ?").pluck(),
    scanBatch: db.prepare("SELECT id, data FROM papers WHERE id > ? ORDER BY id LIMIT ?"),
    changesSince: db.prepare("SELECT seq, id, kind FROM changes WHERE seq > ? ORDER BY seq LIMIT ?"),
    countPapers: db.prepare("SELECT coalesce(sum(count), 0) FROM day_counts").pluck(),
    dayRange: db.prepare("SELECT min(day) AS firstDay, max(day) AS lastDay FROM day_counts"),
    topCategories: db.prepare(
      "SELECT primary_category AS category, count(*) AS count FROM papers GROUP BY primary_category ORDER BY count DESC, category LIMIT ?",
    ),
    lastSeq: db.prepare("SELECT coalesce(max(seq), 0) FROM changes").pluck(),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
