/**
 * Parses paperfeed's query language. Never throws: whatever does not parse as syntax is read as
 * plain words.
 *
 *   free text            words, ranked as OR (more matching words rank higher); a word given
 *                        twice counts twice; punctuation and unknown `word:` prefixes are words
 *   "a phrase"           these words adjacent, in order (required) — but in prose (PROSE_WORDS
 *                        or more free words besides) it only boosts its words; +"a phrase" is
 *                        always required
 *   +word  -word         required / excluded (also +"phrase", -"phrase", -au:name)
 *   ti: au: abs:         only in the title / authors / abstract (required): ti:transformer, au:"Yann LeCun"
 *   cat:cs.LG  cat:cs    category, or every category of an archive (several: any of them)
 *   id:2401.01234        that paper
 *   since:2024-06  until:2025  year:2019  year:2019..2021     announcement dates
 *   sort:newest | sort:oldest | sort:relevance
 */
import { parseArxivId } from "../../core/arxiv-id.js";
import { dayRange } from "../days.js";
import type { SortOrder } from "../types.js";
import type { FieldScope, Occur, ParsedQuery } from "./types.js";

/** Characters of a query read at most (a pasted abstract fits); the rest is ignored. */
export const MAX_QUERY_CHARS = 4000;
/** Clauses read at most (the engine keeps the best terms of long queries, see engine.ts). */
export const MAX_CLAUSES = 600;
/**
 * Free words outside quotes from which a query reads as prose (a question, a pasted sentence):
 * its quoted phrases then boost their words instead of being required. `"message passing"
 * graph` stays strict; `papers on "message passing" for molecules and crystals` does not.
 */
export const PROSE_WORDS = 4;

const PREFIX = /^(ti|title|au|author|abs|abstract|cat|id|since|until|year|sort):/i;
const FIELD_OF: Record<string, FieldScope> = { ti: "title", title: "title", au: "authors", author: "authors", abs: "abstract", abstract: "abstract" };
const SORTS: Record<string, SortOrder> = { newest: "newest", new: "newest", date: "newest", oldest: "oldest", old: "oldest", relevance: "relevance" };

interface RawClause {
  occur: Occur | null;
  prefix: string | null;
  value: string;
  quoted: boolean;
}

/** Splits the query into clauses: [+|-][prefix:](word | "quoted words"). */
function lex(query: string): RawClause[] {
  // Control characters (NUL included) separate words like spaces.
  const text = query.slice(0, MAX_QUERY_CHARS).replace(/\p{Cc}/gu, " ");
  const clauses: RawClause[] = [];
  let i = 0;
  while (i < text.length && clauses.length < MAX_CLAUSES) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    let occur: Occur | null = null;
    if (text[i] === "+" || text[i] === "-") {
      occur = text[i] === "+" ? "must" : "mustNot";
      i++;
      // A lone + or - is nothing.
      if (i >= text.length || /\s/.test(text[i]!)) continue;
    }
    // A prefix followed by a space ("Title: …" in pasted text) is a word, not an operator.
    const prefixMatch = PREFIX.exec(text.slice(i, i + 10));
    if (prefixMatch && (i + prefixMatch[0].length >= text.length || /\s/.test(text[i + prefixMatch[0].length]!))) {
      const start = i;
      i += prefixMatch[0].length;
      clauses.push({ occur, prefix: null, value: text.slice(start, i), quoted: false });
      continue;
    }
    const prefix = prefixMatch ? prefixMatch[1]!.toLowerCase() : null;
    if (prefixMatch) i += prefixMatch[0].length;
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      if (close > i) {
        clauses.push({ occur, prefix, value: text.slice(i + 1, close), quoted: true });
        i = close + 1;
        continue;
      }
      i++; // An unbalanced quote: the rest is read as words.
    }
    const start = i;
    while (i < text.length && !/\s/.test(text[i]!)) i++;
    clauses.push({ occur, prefix, value: text.slice(start, i), quoted: false });
  }
  return clauses;
}

function yearRange(value: string): { first: number; last: number } | null {
  const m = /^(\d{4})(?:\.\.|-)(\d{4})$/.exec(value);
  if (!m) return dayRange(value);
  const a = dayRange(m[1]!);
  const b = dayRange(m[2]!);
  return a && b && a.first <= b.last ? { first: a.first, last: b.last } : null;
}

export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { clauses: [], categories: [], excludedCategories: [], ids: [], excludedIds: [], fromDay: null, toDay: null, sort: null };
  const narrowFrom = (day: number) => (parsed.fromDay = Math.max(parsed.fromDay ?? day, day));
  const narrowTo = (day: number) => (parsed.toDay = Math.min(parsed.toDay ?? day, day));
  const raw = lex(typeof query === "string" ? query : "");
  const freeWords = raw.filter((c) => c.prefix === null && c.occur === null && !c.quoted && /[\p{L}\p{N}]/u.test(c.value)).length;
  // In prose a bare quoted phrase boosts; only +"…" requires it.
  const bareQuote: Occur = freeWords >= PROSE_WORDS ? "should" : "must";
  for (const { occur, prefix, value, quoted } of raw) {
    const plain = () => {
      if (value.trim()) parsed.clauses.push({ occur: occur ?? (quoted ? bareQuote : "should"), field: "all", phrase: quoted, text: value });
    };
    if (prefix === null) {
      plain();
      continue;
    }
    const field = FIELD_OF[prefix];
    if (field) {
      if (value.trim()) parsed.clauses.push({ occur: occur === "mustNot" ? "mustNot" : "must", field, phrase: quoted, text: value });
      continue;
    }
    const v = value.trim();
    if (!v) continue;
    switch (prefix) {
      case "cat":
        (occur === "mustNot" ? parsed.excludedCategories : parsed.categories).push(v.toLowerCase());
        break;
      case "id": {
        const id = parseArxivId(v)?.id;
        if (id) (occur === "mustNot" ? parsed.excludedIds : parsed.ids).push(id);
        else plain();
        break;
      }
      case "since":
      case "until":
      case "year": {
        const range = prefix === "year" ? yearRange(v) : dayRange(v);
        if (!range) plain();
        else {
          if (prefix !== "until") narrowFrom(range.first);
          if (prefix !== "since") narrowTo(range.last);
        }
        break;
      }
      case "sort":
        parsed.sort = SORTS[v.toLowerCase()] ?? parsed.sort;
        break;
    }
  }
  return parsed;
}
