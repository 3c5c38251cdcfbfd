/**
 * The scale-out backend on PostgreSQL through a `pg` Pool: papers as jsonb, the same version rule
 * as SQLite (src/store/upsert-rule.ts), a sequence-numbered change log, trigger-kept day counts.
 */
import type pg from "pg";
import type { Paper } from "../../core/paper.js";
import { decodePaper, encodePaper } from "../paper-json.js";
import type { PaperEvent, PaperEventQuery } from "../event-types.js";
import { EVENT_SELECT, type EventRow, eventOf, eventOrder, eventQuery } from "../events/rows.js";
import { harvestRowValues, harvestSql, harvestStateOf, requireHarvestKey, type HarvestRow } from "../harvest/rows.js";
import type { DayCount, HarvestState, ListOptions, PaperChange, Store, StoreStats, UpsertOutcome } from "../types.js";
import { decideUpsert, type StoredPaperRow } from "../upsert-rule.js";
import { changesLimit, listWindow, requireDay, scanBatchSize, validatePaper } from "../validate.js";
import { connectPostgres, type PostgresOpenOptions } from "./connect.js";
import { PooledStore } from "./pooled.js";
import { Q } from "./queries.js";

const HARVEST_SQL = harvestSql((i) => `$${i}`);

/** How many primary categories `stats()` lists. */
const TOP_CATEGORIES = 20;

type EventInput = { paper_id: string; kind: string; detail: string; happened_at: string; recorded_at: string };

export class PostgresStore extends PooledStore implements Store {
  static async open(options: PostgresOpenOptions): Promise<PostgresStore> {
    const { pool, location } = await connectPostgres(options);
    return new PostgresStore(pool, location);
  }

  /** A transaction that holds the write lock (as SQLite's IMMEDIATE ones do). */
  private writing<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.transaction(work, Q.lockWrites);
  }

  private async one<T>(sql: string, params: unknown[] = []): Promise<T> {
    return this.run(async (db) => (await db.query(sql, params)).rows[0] as T);
  }

  async upsertPapers(papers: readonly Paper[]): Promise<UpsertOutcome[]> {
    papers.forEach(validatePaper);
    if (papers.length === 0) return [];
    return this.writing(async (client) => {
      const ids = [...new Set(papers.map((p) => p.id))];
      const { rows } = await client.query<StoredPaperRow & { id: string }>(Q.storedRows, [ids]);
      // jsonb reorders keys; re-encode so the rule compares canonical JSON with canonical JSON.
      const current = new Map(rows.map((r) => [r.id, { ...r, data: encodePaper(decodePaper(r.data)) }]));
      const writes = new Map<string, Paper>();
      const events: EventInput[] = [];
      const seenAt = new Date().toISOString();
      const outcomes = papers.map((paper) => {
        const decision = decideUpsert(current.get(paper.id), paper);
        if (decision.outcome === "unchanged") return decision.outcome;
        const { version, announced } = decision.paper;
        current.set(paper.id, { id: paper.id, version, announced, data: decision.data });
        writes.set(paper.id, decision.paper);
        // Paper events (src/store/events): only replacements carry any.
        for (const e of decision.events) events.push({ paper_id: paper.id, kind: e.kind, detail: e.detail, happened_at: e.date ?? seenAt, recorded_at: seenAt });
        return decision.outcome;
      });
      if (writes.size > 0) {
        const input = [...writes.values()].map((p) => ({
          id: p.id, version: p.version, announced: p.announced, primary_category: p.primaryCategory, data: p,
        }));
        await client.query(Q.writePapers, [JSON.stringify(input)]);
      }
      if (events.length > 0) await client.query(Q.recordEvents, [JSON.stringify(events)]);
      return outcomes;
    });
  }

  async paperEvents(paperIds: readonly string[], query?: PaperEventQuery): Promise<PaperEvent[]> {
    const ids = [...new Set(paperIds)];
    if (ids.length === 0) return [];
    const { since, limit } = eventQuery(query);
    const sql = `${EVENT_SELECT} WHERE paper_id = ANY($1::text[]) AND recorded_at > $2 ${eventOrder()} LIMIT $3`;
    return this.run(async (db) => (await db.query<EventRow>(sql, [ids, since, limit])).rows.map(eventOf));
  }

  deletePaper(id: string): Promise<boolean> {
    return this.writing(async (client) => {
      if ((await client.query(Q.deletePaper, [id])).rowCount === 0) return false;
      await client.query(Q.logDelete, [id]);
      return true;
    });
  }

  async getPaper(id: string): Promise<Paper | null> {
    return (await this.getPapers([id]))[0] ?? null;
  }

  async getPapers(ids: readonly string[]): Promise<Paper[]> {
    const texts = await this.getPaperTexts(ids);
    return ids.flatMap((id) => {
      const data = texts.get(id);
      return data === undefined ? [] : [decodePaper(data)];
    });
  }

  async getPaperTexts(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    return this.run(async (db) => {
      const { rows } = await db.query<{ id: string; data: string }>(Q.paperTextsById, [[...ids]]);
      return new Map(rows.map((r) => [r.id, r.data]));
    });
  }

  async listAnnounced(fromDay: string, toDay: string, options?: ListOptions): Promise<Paper[]> {
    const { limit, offset } = listWindow(options);
    const params = [requireDay(fromDay, "fromDay"), requireDay(toDay, "toDay"), limit, offset];
    return this.run(async (db) => (await db.query<{ data: Paper }>(Q.listAnnounced, params)).rows.map((r) => r.data));
  }

  async countAnnounced(fromDay: string, toDay: string): Promise<number> {
    const params = [requireDay(fromDay, "fromDay"), requireDay(toDay, "toDay")];
    return (await this.one<{ n: number }>(Q.countAnnounced, params)).n;
  }

  async announcedDays(options?: ListOptions): Promise<DayCount[]> {
    const { limit, offset } = listWindow(options);
    return this.run(async (db) => (await db.query<DayCount>(Q.announcedDays, [limit, offset])).rows);
  }

  async adjacentDay(day: string, direction: "before" | "after"): Promise<string | null> {
    const sql = direction === "before" ? Q.dayBefore : Q.dayAfter;
    return (await this.one<{ day: string | null }>(sql, [requireDay(day, "day")])).day;
  }

  async *scanPapers(batchSize?: number): AsyncIterable<Paper[]> {
    const size = scanBatchSize(batchSize);
    // Keyset pagination on id (collation "C", byte order as in SQLite): constant memory.
    let after = "";
    for (;;) {
      const rows = await this.run(async (db) => (await db.query<{ id: string; data: Paper }>(Q.scanBatch, [after, size])).rows);
      if (rows.length === 0) return;
      after = rows.at(-1)!.id;
      yield rows.map((r) => r.data);
      if (rows.length < size) return;
    }
  }

  async changesSince(afterSeq: number, limit?: number): Promise<PaperChange[]> {
    const max = changesLimit(limit);
    return this.run(async (db) => (await db.query<PaperChange>(Q.changesSince, [afterSeq, max])).rows);
  }

  async countPapers(): Promise<number> {
    return (await this.one<{ n: number }>(Q.countPapers)).n;
  }

  async harvestState(key: string): Promise<HarvestState | null> {
    const row = await this.one<HarvestRow | undefined>(HARVEST_SQL.read, [requireHarvestKey(key)]);
    return row ? harvestStateOf(row) : null;
  }

  async setHarvestState(key: string, state: HarvestState): Promise<void> {
    const values = [requireHarvestKey(key), ...harvestRowValues(state)];
    await this.run((db) => db.query(HARVEST_SQL.write, values));
  }

  async stats(): Promise<StoreStats> {
    const [papers, range, categories, lastSeq] = await Promise.all([
      this.countPapers(),
      this.one<{ firstDay: string | null; lastDay: string | null }>(Q.dayRange),
      this.run(async (db) => (await db.query<StoreStats["categories"][number]>(Q.topCategories, [TOP_CATEGORIES])).rows),
      this.one<{ n: number }>(Q.lastSeq),
    ]);
    return { papers, ...range, categories, backend: "postgres", location: this.location, lastSeq: lastSeq.n };
  }
}
