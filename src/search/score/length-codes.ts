/**
 * Field lengths in one byte each, as Lucene stores norms: exact up to 63 positions, then in steps
 * of about 3.7% up to 65,535. BM25F only needs lengths roughly, and a byte lets a query turn each
 * (field, length code) into a precomputed factor instead of a division per posting.
 */
const EXACT = 64;
const STEP = Math.pow(65536 / EXACT, 1 / (255 - EXACT));

/** Length (positions) each code stands for. */
export const LENGTH_OF_CODE: Float64Array = Float64Array.from({ length: 256 }, (_, code) =>
  code < EXACT ? code : Math.round(EXACT * Math.pow(STEP, code - EXACT)),
);

/** The code whose length is nearest `length` (monotone in `length`). */
export function lengthCode(length: number): number {
  if (length < EXACT) return Math.max(0, Math.floor(length));
  const code = Math.round(EXACT + Math.log(length / EXACT) / Math.log(STEP));
  return Math.min(255, code);
}
