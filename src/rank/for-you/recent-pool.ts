/**
 * The papers "For you" chooses from: those of the newest announcement days (default 14 days with
 * papers, about 30,000 papers over all of arXiv), each analysed once into a term bag and kept in
 * memory, with the document frequencies that give words their weight. `refresh()` asks the store
 * which days are newest (one small query) and reads only days that are new or whose paper count
 * changed, so a request pays for nothing when no paper arrived. Shared by every member.
 */
import type { Paper } from "../../core/paper.js";
import type { Store } from "../../store/types.js";
import { type DocFrequencies, type TermBag, type TermVector, termBag, tfidf } from "./vectors.js";

export interface PoolPaper {
  paper: Paper;
  bag: TermBag;
  vector: TermVector;
}

interface Day {
  count: number;
  papers: PoolPaper[];
}

/** Papers read per store query while loading a day. */
const PAGE = 1_000;

export class RecentPool implements DocFrequencies {
  private days = new Map<string, Day>();
  private frequencies = new Map<string, number>();
  private all: PoolPaper[] = [];
  private refreshing: Promise<void> | null = null;
  private checkedAt = 0;

  /**
   * @param store where papers come from
   * @param dayCount announcement days kept, newest first; default 14, 1–90
   * @param recheckMs how long a refresh is trusted before the store is asked again; default 30 s
   */
  constructor(
    private readonly store: Store,
    readonly dayCount = 14,
    private readonly recheckMs = 30_000,
  ) {}

  get docs(): number {
    return this.all.length;
  }

  df(term: string): number {
    return this.frequencies.get(term) ?? 0;
  }

  papers(): readonly PoolPaper[] {
    return this.all;
  }

  /** The newest day in the pool, or null when the store has no papers. */
  newestDay(): string | null {
    return [...this.days.keys()].sort().at(-1) ?? null;
  }

  /** Brings the pool up to the store's newest days; concurrent callers share one refresh. */
  refresh(now = Date.now()): Promise<void> {
    if (now - this.checkedAt < this.recheckMs && this.all.length > 0) return Promise.resolve();
    this.refreshing ??= this.load().finally(() => {
      this.checkedAt = Date.now();
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async load(): Promise<void> {
    const newest = await this.store.announcedDays({ limit: this.dayCount });
    const next = new Map<string, Day>();
    let changed = newest.length !== this.days.size;
    for (const { day, count } of newest) {
      const kept = this.days.get(day);
      if (kept && kept.count === count) {
        next.set(day, kept);
        continue;
      }
      changed = true;
      const papers: PoolPaper[] = [];
      for (let offset = 0; offset < count; offset += PAGE) {
        const page = await this.store.listAnnounced(day, day, { limit: PAGE, offset });
        for (const paper of page) papers.push({ paper, bag: termBag(paper), vector: new Map() });
        if (page.length < PAGE) break;
      }
      next.set(day, { count, papers });
    }
    if (!changed) return;
    this.days = next;
    this.all = [...next.values()].flatMap((d) => d.papers);
    this.frequencies = new Map();
    for (const { bag } of this.all) for (const term of bag.counts.keys()) this.frequencies.set(term, (this.frequencies.get(term) ?? 0) + 1);
    // Weights depend on the whole pool, so every vector follows a change of days.
    for (const item of this.all) item.vector = tfidf(item.bag, this);
  }
}
