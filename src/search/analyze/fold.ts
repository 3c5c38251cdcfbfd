/**
 * Character folding shared by every token: Unicode NFKC (ligatures, full-width forms, superscripts),
 * lower case, and accents removed (é → e, ü → u), so "Schrödinger", "Schrodinger" and
 * "SCHRÖDINGER" index alike.
 */
const COMBINING_MARKS = /\p{Mn}/gu;
/** Letters that NFD does not decompose but readers expect folded. */
const SPECIAL: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };
const SPECIAL_RE = /[ßæœøłđðþı]/g;
const ASCII_WORD = /^[a-z0-9]*$/;

export function foldWord(raw: string): string {
  const lower = raw.toLowerCase();
  // Fast path: most scientific text is plain ASCII.
  if (ASCII_WORD.test(lower)) return lower;
  return lower
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(SPECIAL_RE, (ch) => SPECIAL[ch] ?? ch)
    .normalize("NFC");
}
