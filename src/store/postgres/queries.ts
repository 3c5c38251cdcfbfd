/** Every SQL statement the PostgreSQL store runs. Days travel as "YYYY-MM-DD" text both ways. */
import { lockKey } from "./connect.js";

export const Q = {
  /** Serialises writers, so seqs become visible in commit order (a reader never skips one). */
  lockWrites: `SELECT pg_advisory_xact_lock(${lockKey("write")})`,
  storedRows: `SELECT id, version, to_char(announced, 'YYYY-MM-DD') AS announced, data::text AS data
    FROM papers WHERE id = ANY($1::text[])`,
  /**
   * Writes a batch given as one JSON array: logs one change per id (a new seq for ids already in
   * the log), then inserts or replaces the papers. The version guard repeats the rule in SQL.
   */
  writePapers: `
    WITH input AS (
      SELECT * FROM jsonb_to_recordset($1::jsonb)
        AS t(id text, version int, announced date, primary_category text, data jsonb)
    ), logged AS (
      INSERT INTO paper_changes (id, kind) SELECT id, 'upsert' FROM input
      ON CONFLICT (id) DO UPDATE SET kind = 'upsert', seq = nextval('paper_change_seq')
      RETURNING id, seq
    )
    INSERT INTO papers (id, version, announced, primary_category, seq, data)
    SELECT i.id, i.version, i.announced, i.primary_category, l.seq, i.data FROM input i JOIN logged l USING (id)
    ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, announced = EXCLUDED.announced,
      primary_category = EXCLUDED.primary_category, seq = EXCLUDED.seq, data = EXCLUDED.data
    WHERE papers.version <= EXCLUDED.version`,
  /** Paper events of one batch, given as one JSON array; a (paper, kind, detail) already stored is kept as it was. */
  recordEvents: `INSERT INTO paper_events (paper_id, kind, detail, happened_at, recorded_at)
    SELECT paper_id, kind, detail, happened_at, recorded_at FROM jsonb_to_recordset($1::jsonb)
      AS t(paper_id text, kind text, detail text, happened_at text, recorded_at text)
    ON CONFLICT DO NOTHING`,
  deletePaper: "DELETE FROM papers WHERE id = $1",
  logDelete: `INSERT INTO paper_changes (id, kind) VALUES ($1, 'delete')
    ON CONFLICT (id) DO UPDATE SET kind = 'delete', seq = nextval('paper_change_seq')`,
  paperTextsById: "SELECT id, data::text AS data FROM papers WHERE id = ANY($1::text[])",
  listAnnounced: "SELECT data FROM papers WHERE announced BETWEEN $1 AND $2 ORDER BY announced DESC, id LIMIT $3 OFFSET $4",
  countAnnounced: "SELECT coalesce(sum(count), 0)::int AS n FROM day_counts WHERE day BETWEEN $1 AND $2",
  announcedDays: "SELECT to_char(day, 'YYYY-MM-DD') AS day, count FROM day_counts ORDER BY day DESC LIMIT $1 OFFSET $2",
  dayBefore: "SELECT to_char(max(day), 'YYYY-MM-DD') AS day FROM day_counts WHERE day < $1",
  dayAfter: "SELECT to_char(min(day), 'YYYY-MM-DD') AS day FROM day_counts WHERE day > $1",
  scanBatch: "SELECT id, data FROM papers WHERE id > $1 ORDER BY id LIMIT $2",
  changesSince: "SELECT seq::float8 AS seq, id, kind FROM paper_changes WHERE seq > $1 ORDER BY seq LIMIT $2",
  countPapers: "SELECT coalesce(sum(count), 0)::int AS n FROM day_counts",
  dayRange: "SELECT to_char(min(day), 'YYYY-MM-DD') AS \"firstDay\", to_char(max(day), 'YYYY-MM-DD') AS \"lastDay\" FROM day_counts",
  topCategories: `SELECT primary_category AS category, count(*)::int AS count FROM papers
    GROUP BY primary_category ORDER BY count DESC, category LIMIT $1`,
  lastSeq: "SELECT coalesce(max(seq), 0)::float8 AS n FROM paper_changes",
};
