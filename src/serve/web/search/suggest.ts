/**
 * Suggestions as you type in the search box: categories, authors and titles for what is typed so
 * far, its last word taken as a prefix. Categories and author names are kept in sorted arrays
 * (binary search, no scan per keystroke) built from the newest papers of the store on first use
 * and rebuilt when older than REBUILD_MS; titles come from one small search of the engine with the
 * last word completed to the commonest title word it begins.
 */
import type { Paper } from "../../../core/paper.js";
import type { SearchEngine } from "../../../search/types.js";
import type { Store } from "../../../store/types.js";
import { latexTextToPlain } from "../../../core/latex/text.js";

/** Papers the author and title-word lists are read from, newest first (titles of all are still searched). */
const SOURCE_PAPERS = 50_000;
const BATCH = 1_000; // the most the store lists at once
const REBUILD_MS = 10 * 60_000;
const MAX = { categories: 3, authors: 4, titles: 5 } as const;
/** A prefix shorter than this suggests nothing (too many candidates to be useful). */
const MIN_PREFIX = 2;

export interface Suggestions {
  q: string;
  categories: Array<{ category: string; href: string }>;
  authors: Array<{ name: string; href: string }>;
  titles: Array<{ id: string; title: string; href: string }>;
}

/** Sorted keys with the value each stands for and how often it occurs. */
interface PrefixTable {
  keys: string[];
  values: string[];
  counts: number[];
}

function tableOf(counts: Map<string, { value: string; count: number }>): PrefixTable {
  const keys = [...counts.keys()].sort();
  return { keys, values: keys.map((k) => counts.get(k)!.value), counts: keys.map((k) => counts.get(k)!.count) };
}

function lowerBound(keys: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The most frequent values whose key begins with `prefix` (looking at most at `scan` keys). */
export function byPrefix(table: PrefixTable, prefix: string, limit: number, scan = 2_000): string[] {
  const found = new Map<string, number>();
  for (let i = lowerBound(table.keys, prefix), end = Math.min(table.keys.length, i + scan); i < end && table.keys[i]!.startsWith(prefix); i++) {
    const value = table.values[i]!;
    found.set(value, Math.max(found.get(value) ?? 0, table.counts[i]!));
  }
  return [...found].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([v]) => v);
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const WORD = /[\p{L}\p{N}]+/gu;

/** Author names by each of their words ("lecun" and "yann" find "Yann LeCun"), title words, categories. */
export function buildTables(papers: Iterable<Paper>): { authors: PrefixTable; words: PrefixTable; categories: PrefixTable } {
  const authors = new Map<string, { value: string; count: number }>();
  const words = new Map<string, { value: string; count: number }>();
  const categories = new Map<string, { value: string; count: number }>();
  const bump = (map: typeof authors, key: string, value: string) => {
    const entry = map.get(key);
    if (entry) entry.count++;
    else map.set(key, { value, count: 1 });
  };
  for (const p of papers) {
    for (const a of p.authors) {
      const name = a.name.trim();
      if (!name) continue;
      // One key per word of the name, each ending in the whole name so namesakes stay apart.
      for (const part of fold(name).match(WORD) ?? []) bump(authors, `${part} ${fold(name)}`, name);
    }
    for (const w of new Set(fold(p.title).match(WORD) ?? [])) if (w.length > 2) bump(words, w, w);
    for (const c of p.categories) bump(categories, c.toLowerCase(), c);
  }
  return { authors: tableOf(authors), words: tableOf(words), categories: tableOf(categories) };
}

export interface Suggester {
  suggest(q: string): Promise<Suggestions>;
}

export function createSuggester(deps: { store: Store; search: SearchEngine }, clock: () => number = Date.now): Suggester {
  let built: { at: number; tables: Promise<ReturnType<typeof buildTables>> } | null = null;
  const tables = () => {
    if (!built || clock() - built.at > REBUILD_MS) {
      const previous = built?.tables;
      const next = (async () => {
        // In batches, so the newest papers never sit in memory all at once beside the tables.
        async function* newest() {
          for (let offset = 0; offset < SOURCE_PAPERS; offset += BATCH) {
            const batch = await deps.store.listAnnounced("0000-01-01", "9999-12-31", { limit: BATCH, offset });
            yield* batch;
            if (batch.length < BATCH) return;
          }
        }
        const papers: Paper[] = [];
        for await (const p of newest()) papers.push(p);
        return buildTables(papers);
      })();
      built = { at: clock(), tables: next };
      // While a rebuild runs, answers keep coming from the tables before it.
      if (previous) return previous;
    }
    return built.tables;
  };
  return {
    async suggest(raw) {
      const q = raw.slice(0, 200);
      const out: Suggestions = { q, categories: [], authors: [], titles: [] };
      const words = fold(q).match(WORD) ?? [];
      const last = words.at(-1) ?? "";
      if (!q.trim()) {
        void tables(); // the box got focus: have the lists ready for the first keystroke
        return out;
      }
      if (words.length === 1 && last.length < MIN_PREFIX) return out;
      const t = await tables();
      const typed = fold(q).trim();
      out.categories = byPrefix(t.categories, typed, MAX.categories).map((category) => ({
        category,
        href: `/search?cat=${encodeURIComponent(category)}&sort=newest`,
      }));
      // A name is asked for by its words in any order: the last typed word is the prefix, the others must appear.
      const others = words.slice(0, -1);
      out.authors = byPrefix(t.authors, last, 50)
        .filter((name) => others.every((w) => fold(name).includes(w)))
        .slice(0, MAX.authors)
        .map((name) => ({ name, href: `/authors/${encodeURIComponent(name)}` }));
      const completed = last.length >= MIN_PREFIX ? (byPrefix(t.words, last, 1)[0] ?? last) : last;
      const titleQuery = [...others, completed].map((w) => `ti:${w}`).join(" ");
      if (titleQuery) {
        const hits = deps.search.search({ q: titleQuery, limit: MAX.titles }).hits;
        const papers = await deps.store.getPapers(hits.map((h) => h.id));
        out.titles = papers.map((p) => ({ id: p.id, title: latexTextToPlain(p.title), href: `/papers/${p.id}` }));
      }
      return out;
    },
  };
}
