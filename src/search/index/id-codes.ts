/**
 * Paper ids in four bytes where possible: a new-style id YYMM.NNNNN is the number
 * YYMM·100000 + NNNNN (the digit count follows from YYMM: four before 1501, five from then on).
 * Old-style ids (hep-th/9901001) and anything else keep their characters in a side table, and
 * their code is OLD_ID | index.
 */
export const OLD_ID = 0x80000000;

const NEW_STYLE = /^(\d{4})\.(\d{4,5})$/;

/** The number of a canonical new-style id, or -1. */
export function newIdNumber(id: string): number {
  const m = NEW_STYLE.exec(id);
  if (!m) return -1;
  const yymm = Number(m[1]);
  if ((m[2]!.length === 5) !== yymm >= 1501) return -1;
  return yymm * 100000 + Number(m[2]);
}

export function newIdString(code: number): string {
  const yymm = Math.floor(code / 100000);
  const n = code % 100000;
  return `${String(yymm).padStart(4, "0")}.${String(n).padStart(yymm >= 1501 ? 5 : 4, "0")}`;
}

/** Hash of an id for the id table: of its number when it has one, else of its characters. */
export function hashId(id: string): number {
  const n = newIdNumber(id);
  if (n >= 0) return Math.imul(n ^ (n >>> 16), 0x45d9f3b) >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
