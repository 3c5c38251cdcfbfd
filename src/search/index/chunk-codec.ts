/**
 * Papers sent to a build worker as one string per paper and one integer array instead of
 * objects: the structured clone of a chunk of full Paper objects (every field, an object per
 * author) cost the worker about as much time as analysing the chunk's text. Only what indexing
 * reads is sent. One string per paper rather than one per chunk, because substrings (terms
 * entering the vocabulary) keep their whole parent string alive.
 */
import type { Paper } from "../../core/paper.js";

/** The part of a paper that indexing reads (a Paper is one). */
export interface IndexedPaper {
  id: string;
  title: string;
  abstract: string;
  authors: ReadonlyArray<{ name: string }>;
  categories: readonly string[];
  comments: string | null;
  announced: string;
  codeLinks: readonly unknown[];
}

export interface EncodedChunk {
  /** Per paper its strings back to back. */
  texts: string[];
  /** Per paper: author count, category count, flags, then the length of each of its strings. */
  ints: Int32Array;
}

const HAS_COMMENTS = 1;
const HAS_CODE = 2;
/** The strings of a paper besides its authors and categories: id, title, abstract, comments, announced. */
const FIXED_STRINGS = 5;

export function encodeChunk(papers: readonly Paper[]): EncodedChunk {
  const texts: string[] = new Array<string>(papers.length);
  let count = 0;
  for (const p of papers) count += 3 + FIXED_STRINGS + p.authors.length + p.categories.length;
  const ints = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < papers.length; i++) {
    const p = papers[i]!;
    const comments = p.comments ?? "";
    ints[k++] = p.authors.length;
    ints[k++] = p.categories.length;
    ints[k++] = (p.comments !== null ? HAS_COMMENTS : 0) | (p.codeLinks.length > 0 ? HAS_CODE : 0);
    ints[k++] = p.id.length;
    ints[k++] = p.title.length;
    ints[k++] = p.abstract.length;
    ints[k++] = comments.length;
    ints[k++] = p.announced.length;
    let text = p.id + p.title + p.abstract + comments + p.announced;
    for (const a of p.authors) {
      text += a.name;
      ints[k++] = a.name.length;
    }
    for (const c of p.categories) {
      text += c;
      ints[k++] = c.length;
    }
    texts[i] = text;
  }
  return { texts, ints };
}

const CODE_LINK: readonly unknown[] = [true];
const NONE: readonly unknown[] = [];

export function decodeChunk({ texts, ints }: EncodedChunk): IndexedPaper[] {
  const papers = new Array<IndexedPaper>(texts.length);
  let k = 0;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    const authorCount = ints[k++]!;
    const categoryCount = ints[k++]!;
    const flags = ints[k++]!;
    let at = 0;
    const id = text.slice(at, (at += ints[k++]!));
    const title = text.slice(at, (at += ints[k++]!));
    const abstract = text.slice(at, (at += ints[k++]!));
    const comments = text.slice(at, (at += ints[k++]!));
    const announced = text.slice(at, (at += ints[k++]!));
    const authors = new Array<{ name: string }>(authorCount);
    for (let j = 0; j < authorCount; j++) authors[j] = { name: text.slice(at, (at += ints[k++]!)) };
    const categories = new Array<string>(categoryCount);
    for (let j = 0; j < categoryCount; j++) categories[j] = text.slice(at, (at += ints[k++]!));
    papers[i] = {
      id,
      title,
      abstract,
      authors,
      categories,
      comments: flags & HAS_COMMENTS ? comments : null,
      announced,
      codeLinks: flags & HAS_CODE ? CODE_LINK : NONE,
    };
  }
  return papers;
}
