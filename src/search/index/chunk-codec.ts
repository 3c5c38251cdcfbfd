/**
 * Papers sent to a build worker as one string per paper and one integer array instead of
 * objects: the structured clone of a chunk of full Paper objects (every field, an object per
 * author) cost the worker about as much time as analysing the chunk's text. Only what indexing
 * reads is sent. One string per paper rather than one per chunk, because substrings (terms
 * entering the vocabulary) keep their whole parent string alive.
 */
import { IntList } from "./bytes.js";

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

/**
 * Encodes papers as they arrive, so a build holds each paper as one flat string and a few
 * integers rather than as objects: the import hands over batches of 500, and 50,000 Paper objects
 * waiting for their chunk lived long enough to be promoted, which made the import's main thread
 * spend a tenth of its time in garbage collection.
 */
export class ChunkEncoder {
  private texts: string[] = [];
  private ints = new IntList(1 << 12);

  /** Papers encoded since the last `take`. */
  get count() {
    return this.texts.length;
  }

  add(papers: readonly IndexedPaper[]) {
    const ints = this.ints;
    for (const p of papers) {
      const comments = p.comments ?? "";
      ints.reserve(3 + FIXED_STRINGS + p.authors.length + p.categories.length);
      const out = ints.data;
      let k = ints.length;
      out[k++] = p.authors.length;
      out[k++] = p.categories.length;
      out[k++] = (p.comments !== null ? HAS_COMMENTS : 0) | (p.codeLinks.length > 0 ? HAS_CODE : 0);
      out[k++] = p.id.length;
      out[k++] = p.title.length;
      out[k++] = p.abstract.length;
      out[k++] = comments.length;
      out[k++] = p.announced.length;
      // join() gives a flat string; `+=` would keep a rope of every piece until it is sent.
      const parts = [p.id, p.title, p.abstract, comments, p.announced];
      for (const a of p.authors) {
        parts.push(a.name);
        out[k++] = a.name.length;
      }
      for (const c of p.categories) {
        parts.push(c);
        out[k++] = c.length;
      }
      ints.length = k;
      this.texts.push(parts.join(""));
    }
  }

  /** The papers encoded so far, as one chunk; the encoder starts empty again. */
  take(): EncodedChunk {
    const chunk = { texts: this.texts, ints: this.ints.finish() };
    this.texts = [];
    this.ints = new IntList(1 << 12);
    return chunk;
  }
}

export function encodeChunk(papers: readonly IndexedPaper[]): EncodedChunk {
  const encoder = new ChunkEncoder();
  encoder.add(papers);
  return encoder.take();
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
