/**
 * Joins the postings of consecutive term ranges, written separately (in parallel), into one
 * segment's: arrays back to back, with each part's term numbers, block numbers and byte offsets
 * shifted by what the parts before it hold. Combo tables are the same in every part.
 */
import type { PostingArrays } from "./postings-writer.js";

type Typed = Uint8Array | Uint32Array | Float32Array;

function join<T extends Typed>(arrays: T[], make: (length: number) => T, shift?: (part: number) => number, skipFirst = false): T {
  const from = (i: number) => (skipFirst && i > 0 ? 1 : 0);
  const out = make(arrays.reduce((n, a, i) => n + a.length - from(i), 0));
  let at = 0;
  arrays.forEach((a, i) => {
    const part = a.subarray(from(i)) as T;
    const by = shift?.(i) ?? 0;
    if (by === 0) out.set(part, at);
    else for (let k = 0; k < part.length; k++) out[at + k] = part[k]! + by;
    at += part.length;
  });
  return out;
}

/** Cumulative sums: before[i] is the total of sizes of parts before part i. */
const before = (sizes: number[]) => sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));

/** Bytes PostingsWriter.finish pads the postings with (readers look ahead); only the last part keeps them. */
const PADDING = 2;

export function concatPostings(parts: PostingArrays[]): PostingArrays {
  const postings = parts.map((p, i) => (i < parts.length - 1 ? p.postings.subarray(0, p.postings.length - PADDING) : p.postings));
  const u8 = (n: number) => new Uint8Array(n);
  const u32 = (n: number) => new Uint32Array(n);
  const terms = before(parts.map((p) => p.lastBlockCount.length));
  const blocks = before(parts.map((p) => p.blockLastDoc.length));
  const termByteStart = before(parts.map((p) => p.termBytes.length));
  const postingStart = before(postings.map((p) => p.length));
  const champStart = before(parts.map((p) => p.champDocs.length));
  const pick = <K extends keyof PostingArrays>(key: K) => parts.map((p) => p[key]);
  return {
    termBytes: join(pick("termBytes"), u8),
    // Offset arrays start with 0: later parts drop theirs.
    termOffsets: join(pick("termOffsets"), u32, (i) => termByteStart[i]!, true),
    lastBlockCount: join(pick("lastBlockCount"), u8),
    blockStart: join(pick("blockStart"), u32, (i) => blocks[i]!, true),
    blockLastDoc: join(pick("blockLastDoc"), u32),
    blockPostings: join(pick("blockPostings"), u32, (i) => postingStart[i]!),
    blockMaxTf: join(pick("blockMaxTf"), (n) => new Float32Array(n)),
    comboTf: parts[0]!.comboTf,
    comboCount: parts[0]!.comboCount,
    postings: join(postings, u8),
    champTerms: join(pick("champTerms"), u32, (i) => terms[i]!),
    champStart: join(pick("champStart"), u32, (i) => champStart[i]!, true),
    champDocs: join(pick("champDocs"), u32),
    champTailTf: join(pick("champTailTf"), (n) => new Float32Array(n)),
    highTailTf: join(pick("highTailTf"), (n) => new Float32Array(n)),
  };
}
