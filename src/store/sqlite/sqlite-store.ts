/**
 * The embedded backend: one SQLite file through better-sqlite3 (synchronous; the async methods
 * resolve immediately). Queries never load more than one page or batch of papers into memory.
 */
import path from "node:path";
import type Database from "better-sqlite3";
import type { Paper } from "../../core/paper.js";
import { decodePaper } from "../paper-json.js";
import type { PaperEvent, PaperEventQuery } from "../event-types.js";
import { EVENT_SELECT, type EventRow, eventOf, eventOrder, eventQuery } from "../events/rows.js";
import { harvestRowValues, harvestSql, harvestStateOf, requireHarvestKey, type HarvestRow } from "../harvest/rows.js";
import type { DayCount, HarvestState, ListOptions, PaperChange, Store, StoreStats, UpsertOutcome } from "../types.js";
import { decideUpsert, type StoredPaperRow } from "../upsert-rule.js";
import { changesLimit, listWindow, requireDay, scanBatchSize, validatePaper } from "../validate.js";
import { describeSqliteError, openSqliteDatabase, type SqliteOpenOptions } from "./open-database.js";
import { prepareStatements, type Statements } from "./statements.js";

/** Harvest checkpoints: written once per OAI page (every few seconds), so prepared on use. */
const HARVEST_SQL = harvestSql(() => "?");

/** Ids per `getPapers` statement (SQLite allows 32,766 parameters; a results page asks for 10–100). */
const PAPERS_PER_STATEMENT = 100;

/** How many primary categories `stats()` lists. */
const TOP_CATEGORIES = 20;
/** Placeholder lists longer than this get a statement prepared for the one call (see listStatement). */
const MAX_LIST_STATEMENT = PAPERS_PER_STATEMENT;

export class SqliteStore implements Store {
  private readonly sql: Statements;
  private readonly upsertBatch: Database.Transaction<(papers: readonly Paper[], seenAt: string) => UpsertOutcome[]>;
  /** Statements with a list of n placeholders, by kind and n (see `listStatement`). */
  private readonly listStatements = new Map<string, Database.Statement>();

  private constructor(
    private readonly db: Database.Database,
    private readonly file: string,
  ) {
    this.sql = prepareStatements(db);
    this.upsertBatch = db.transaction((papers: readonly Paper[], seenAt: string) => papers.map((paper) => this.upsertOne(paper, seenAt)));
  }

  static open(options: SqliteOpenOptions): SqliteStore {
    return new SqliteStore(openSqliteDatabase(options), path.resolve(options.path));
  }

  /** Runs a query, turning driver errors into PaperfeedErrors that name the file. */
  private run<T>(query: () => T): Promise<T> {
    try {
      return Promise.resolve(query());
    } catch (error) {
      return Promise.reject(describeSqliteError(this.file, error));
    }
  }

  private logChange(id: string, kind: PaperChange["kind"]): number {
    return Number(this.sql.logChange.run(id, kind).lastInsertRowid);
  }

  private upsertOne(paper: Paper, seenAt: string): UpsertOutcome {
    validatePaper(paper);
    const decision = decideUpsert(this.sql.storedRow.get(paper.id) as StoredPaperRow | undefined, paper);
    if (decision.outcome === "unchanged") return decision.outcome;
    const seq = this.logChange(paper.id, "upsert");
    const { id, version, announced, primaryCategory } = decision.paper;
    this.sql.writePaper.run({ id, version, announced, primaryCategory, seq, data: decision.data });
    // Paper events (src/store/events): only replacements carry any; same transaction as the write.
    for (const e of decision.events) this.sql.recordEvent.run(id, e.kind, e.detail, e.date ?? seenAt, seenAt);
    return decision.outcome;
  }

  upsertPapers(papers: readonly Paper[]): Promise<UpsertOutcome[]> {
    // IMMEDIATE: the write lock is taken (waiting out the busy timeout) before the first read. A
    // deferred transaction that reads, then finds another connection committed meanwhile, fails
    // at once with "database is locked", whatever the timeout.
    return this.run(() => this.upsertBatch.immediate(papers, new Date().toISOString()));
  }

  paperEvents(paperIds: readonly string[], query?: PaperEventQuery): Promise<PaperEvent[]> {
    const ids = [...new Set(paperIds)];
    if (ids.length === 0) return Promise.resolve([]);
    const { since, limit } = eventQuery(query);
    return this.run(() => {
      const statement = this.listStatement("events", ids.length, (list) => `${EVENT_SELECT} WHERE paper_id IN (${list}) AND recorded_at > ? ${eventOrder()} LIMIT ?`);
      const rows = statement.all(...ids, since, limit) as EventRow[];
      return rows.map(eventOf);
    });
  }

  deletePaper(id: string): Promise<boolean> {
    return this.run(() =>
      this.db.transaction(() => {
        if (this.sql.deletePaper.run(id).changes === 0) return false;
        this.logChange(id, "delete");
        return true;
      }).immediate(),
    );
  }

  getPaper(id: string): Promise<Paper | null> {
    return this.run(() => {
      const data = this.sql.paperData.get(id) as string | undefined;
      return data === undefined ? null : decodePaper(data);
    });
  }

  getPapers(ids: readonly string[]): Promise<Paper[]> {
    return this.run(() => {
      const found = this.paperTexts(ids);
      return ids.flatMap((id) => {
        const data = found.get(id);
        return data === undefined ? [] : [decodePaper(data)];
      });
    });
  }

  getPaperTexts(ids: readonly string[]): Promise<Map<string, string>> {
    return this.run(() => this.paperTexts(ids));
  }

  private paperTexts(ids: readonly string[]): Map<string, string> {
    // One statement per page of results, not one per paper: a result page of 20 papers from a
    // database of gigabytes cost a quarter less CPU this way (1M papers, bench/out micro runs).
    const found = new Map<string, string>();
    for (let at = 0; at < ids.length; at += PAPERS_PER_STATEMENT) {
      const chunk = ids.slice(at, at + PAPERS_PER_STATEMENT);
      for (const [id, data] of this.papersIn(chunk.length).all(...chunk) as Array<[string, string]>) found.set(id, data);
    }
    return found;
  }

  /** `SELECT id, data … WHERE id IN (n placeholders)`, prepared once per n. */
  private papersIn(n: number): Database.Statement {
    return this.listStatement("papers", n, (list) => `SELECT id, data FROM papers WHERE id IN (${list})`, true);
  }

  /**
   * The statement `sql(list)` makes for a list of n placeholders, prepared once per kind and n up
   * to MAX_LIST_STATEMENT (a paper page asked for its events with a statement prepared anew each
   * time: compiling it was 2% of the page); longer lists are prepared each time, so that the
   * kept statements stay few.
   */
  private listStatement(kind: string, n: number, sql: (list: string) => string, raw = false): Database.Statement {
    const make = () => {
      const statement = this.db.prepare(sql(Array(n).fill("?").join(", ")));
      return raw ? statement.raw() : statement;
    };
    if (n > MAX_LIST_STATEMENT) return make();
    const key = `${kind}:${n}`;
    let statement = this.listStatements.get(key);
    if (!statement) this.listStatements.set(key, (statement = make()));
    return statement;
  }

  listAnnounced(fromDay: string, toDay: string, options?: ListOptions): Promise<Paper[]> {
    return this.run(() => {
      const { limit, offset } = listWindow(options);
      const rows = this.sql.listAnnounced.all(requireDay(fromDay, "fromDay"), requireDay(toDay, "toDay"), limit, offset) as string[];
      return rows.map(decodePaper);
    });
  }

  countAnnounced(fromDay: string, toDay: string): Promise<number> {
    return this.run(() => this.sql.countAnnounced.get(requireDay(fromDay, "fromDay"), requireDay(toDay, "toDay")) as number);
  }

  announcedDays(options?: ListOptions): Promise<DayCount[]> {
    return this.run(() => {
      const { limit, offset } = listWindow(options);
      return this.sql.announcedDays.all(limit, offset) as DayCount[];
    });
  }

  adjacentDay(day: string, direction: "before" | "after"): Promise<string | null> {
    return this.run(() => {
      const statement = direction === "before" ? this.sql.dayBefore : this.sql.dayAfter;
      return (statement.get(requireDay(day, "day")) as string | null) ?? null;
    });
  }

  async *scanPapers(batchSize?: number): AsyncIterable<Paper[]> {
    const size = scanBatchSize(batchSize);
    // Keyset pagination on id: constant memory, and stable while other writers commit.
    let after = "";
    for (;;) {
      const rows = await this.run(() => this.sql.scanBatch.all(after, size) as Array<{ id: string; data: string }>);
      if (rows.length === 0) return;
      after = rows.at(-1)!.id;
      yield rows.map((row) => decodePaper(row.data));
      if (rows.length < size) return;
    }
  }

  changesSince(afterSeq: number, limit?: number): Promise<PaperChange[]> {
    return this.run(() => this.sql.changesSince.all(afterSeq, changesLimit(limit)) as PaperChange[]);
  }

  countPapers(): Promise<number> {
    return this.run(() => this.sql.countPapers.get() as number);
  }

  harvestState(key: string): Promise<HarvestState | null> {
    return this.run(() => {
      const row = this.db.prepare(HARVEST_SQL.read).get(requireHarvestKey(key)) as HarvestRow | undefined;
      return row ? harvestStateOf(row) : null;
    });
  }

  setHarvestState(key: string, state: HarvestState): Promise<void> {
    return this.run(() => {
      this.db.prepare(HARVEST_SQL.write).run(requireHarvestKey(key), ...harvestRowValues(state));
    });
  }

  stats(): Promise<StoreStats> {
    return this.run(() => {
      const range = this.sql.dayRange.get() as { firstDay: string | null; lastDay: string | null };
      return {
        papers: this.sql.countPapers.get() as number,
        firstDay: range.firstDay,
        lastDay: range.lastDay,
        categories: this.sql.topCategories.all(TOP_CATEGORIES) as StoreStats["categories"],
        backend: "sqlite",
        location: this.file,
        lastSeq: this.sql.lastSeq.get() as number,
      };
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
