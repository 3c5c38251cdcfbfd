/**
 * TeX's accent commands and the letters NFD does not decompose: read both ways, by the BibTeX
 * export (Unicode → TeX, serve/export/latex.ts) and by text LaTeX in titles and abstracts
 * (TeX → Unicode, text.ts).
 */

/** Combining marks (after NFD) → the TeX accent command that makes them. */
export const ACCENTS: Record<string, string> = {
  "\u0300": "`", "\u0301": "'", "\u0302": "^", "\u0303": "~", "\u0304": "=", "\u0306": "u", "\u0307": ".",
  "\u0308": '"', "\u030A": "r", "\u030B": "H", "\u030C": "v", "\u0323": "d", "\u0327": "c", "\u0328": "k",
};

/** Letters NFD does not decompose. */
export const LETTERS: Record<string, string> = {
  ß: "{\\ss}", ø: "{\\o}", Ø: "{\\O}", æ: "{\\ae}", Æ: "{\\AE}", œ: "{\\oe}", Œ: "{\\OE}", ł: "{\\l}", Ł: "{\\L}",
  ı: "{\\i}", đ: "{\\dj}", Đ: "{\\DJ}", "\u2013": "--", "\u2014": "---", "\u2018": "`", "\u2019": "'", "\u201C": "``", "\u201D": "''",
  "\u00A0": "~",
};
