/**
 * Vose's alias method: draws index i with probability weights[i] / sum(weights) in O(1) time,
 * after O(n) set-up. The corpus draws hundreds of millions of words, so O(1) matters.
 */
import type { Random } from "./prng.js";

export interface AliasSampler {
  readonly size: number;
  sample(random: Random): number;
}

export function createAliasSampler(weights: ArrayLike<number>): AliasSampler {
  const n = weights.length;
  if (n === 0) throw new Error("bench: alias sampler needs at least one weight");
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  const probability = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = new Float64Array(n);
  const small = new Int32Array(n);
  const large = new Int32Array(n);
  let smallCount = 0;
  let largeCount = 0;
  for (let i = 0; i < n; i++) {
    scaled[i] = (weights[i]! * n) / total;
    if (scaled[i]! < 1) small[smallCount++] = i;
    else large[largeCount++] = i;
  }
  while (smallCount > 0 && largeCount > 0) {
    const less = small[--smallCount]!;
    const more = large[--largeCount]!;
    probability[less] = scaled[less]!;
    alias[less] = more;
    scaled[more] = scaled[more]! + scaled[less]! - 1;
    if (scaled[more]! < 1) small[smallCount++] = more;
    else large[largeCount++] = more;
  }
  // What remains is 1 up to rounding error.
  while (largeCount > 0) probability[large[--largeCount]!] = 1;
  while (smallCount > 0) probability[small[--smallCount]!] = 1;
  return {
    size: n,
    sample(random) {
      const column = Math.floor(random.next() * n);
      return random.next() < probability[column]! ? column : alias[column]!;
    },
  };
}
