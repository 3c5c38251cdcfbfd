/**
 * PAPERFEED_* variables that no setting reads are almost always typos (PAPERFEED_PROT); reporting
 * them beats silently running on a default the user meant to change.
 */
import { FIELDS } from "./fields.js";

const KNOWN = new Set(Object.values(FIELDS).map((field) => field.env));

export function unknownVariables(env: Record<string, string | undefined>): string[] {
  return Object.keys(env)
    .filter((name) => name.startsWith("PAPERFEED_") && !KNOWN.has(name))
    .sort()
    .map((name) => {
      const guess = closestKnown(name);
      return `${name}: unknown variable${guess ? ` (did you mean ${guess}?)` : ""}`;
    });
}

/** The known name within edit distance 3, if any. */
function closestKnown(name: string): string | null {
  let best: string | null = null;
  let bestDistance = 4;
  for (const known of KNOWN) {
    const d = editDistance(name, known);
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
