/**
 * BM25F arithmetic shared by every way of scoring (pruned, exhaustive, bounds), so all of them
 * compute bit-identical numbers. See fields.ts for the formula.
 */
import { FIELD_COUNT, FIELDS, type Bm25fParams } from "../fields.js";
import { LENGTH_OF_CODE } from "./length-codes.js";

/**
 * Per-query constants. `norm[f * 256 + code]` = weight_f / (a_f + c_f · len(code)) is what one
 * occurrence in field f of a doc with that length code adds to tf~.
 */
export interface Bm25fContext {
  readonly k1: number;
  readonly weight: Float64Array;
  readonly a: Float64Array;
  readonly c: Float64Array;
  readonly avg: Float64Array;
  readonly norm: Float64Array;
}

export function makeContext(params: Bm25fParams, avg: Float64Array): Bm25fContext {
  const weight = new Float64Array(FIELD_COUNT);
  const a = new Float64Array(FIELD_COUNT);
  const c = new Float64Array(FIELD_COUNT);
  const norm = new Float64Array(FIELD_COUNT * 256);
  FIELDS.forEach((name, f) => {
    const { weight: w, b } = params.fields[name];
    weight[f] = w;
    a[f] = 1 - b;
    c[f] = avg[f]! > 0 ? b / avg[f]! : 0;
    // A field with tf > 0 has length ≥ 1, so the denominator is never 0 where it is used.
    for (let code = 0; code < 256; code++) norm[f * 256 + code] = w / (a[f]! + c[f]! * Math.max(1, LENGTH_OF_CODE[code]!));
  });
  return { k1: params.k1, weight, a, c, avg, norm };
}

/** tf~ of one posting: combo `combo` in doc `doc`, counting only fields in `mask`. */
export function tfTilde(
  ctx: Bm25fContext,
  comboTf: Uint8Array,
  combo: number,
  lengthCodes: Uint8Array,
  doc: number,
  mask: number,
): number {
  let acc = 0;
  const base = combo * FIELD_COUNT;
  const lengths = doc * FIELD_COUNT;
  for (let f = 0; f < FIELD_COUNT; f++) {
    const tf = comboTf[base + f]!;
    if (tf !== 0 && ((mask >> f) & 1) !== 0) acc += tf * ctx.norm[f * 256 + lengthCodes[lengths + f]!]!;
  }
  return acc;
}

export const saturate = (tfTildeValue: number, k1: number) => tfTildeValue / (k1 + tfTildeValue);

/** Robertson–Spärck Jones idf as in Lucene's BM25, always positive. */
export const idf = (docCount: number, df: number) => Math.log(1 + (docCount - df + 0.5) / (df + 0.5));

/**
 * Factor by which block bounds computed with `buildAvg` must grow to stay bounds under `avg`:
 * 1 / (1 − b + b·len/A) grows by at most max(1, A'/A) when A becomes A'.
 */
export function boundScale(ctx: Bm25fContext, buildAvg: Float64Array): number {
  let scale = 1;
  let same = true;
  for (let f = 0; f < FIELD_COUNT; f++) {
    if (ctx.c[f] === 0 || buildAvg[f] === 0) continue;
    if (ctx.avg[f] !== buildAvg[f]) same = false;
    scale = Math.max(scale, ctx.avg[f]! / buildAvg[f]!);
  }
  // With the same averages the norm tables are identical and bounds need no margin; otherwise a
  // little room absorbs rounding in the tables.
  return same ? 1 : scale * (1 + 1e-9);
}
