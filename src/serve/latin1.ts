/**
 * Answers kept to Latin-1: every character above U+00FF written as an HTML reference (pages) or a
 * `\uXXXX` escape (JSON), in a string V8 stores one byte a character. One such character makes a
 * whole answer two bytes a character, and so is everything concatenated from it: a results page
 * of 60–75 thousand characters then passes the 128 KB above which V8 puts a string in its
 * large-object space, where each copy of the page (the joined cards, the feed links put into its
 * head, the socket write) took fresh memory from the OS and gave it back. On a virtual machine
 * where touching fresh memory costs 15–20 µs a 4 KB page, that was some 85 page faults and a
 * ninth of a search page's CPU time (1M papers), and 69 faults for a 65 KB JSON answer.
 */

/** A character above U+00FF. Not with the `u` flag: it made a card's replacement three times slower (24 against 7.6 µs for 2,900 characters). */
const WIDE = /[\u0100-\uffff]/;
/** The same, a surrogate pair first, so that an astral character is one HTML reference. */
const WIDE_CODE_POINTS = /[\ud800-\udbff][\udc00-\udfff]|[\u0100-\uffff]/g;
/** The same, one UTF-16 unit at a time (JSON escapes an astral character as its two halves). */
const WIDE_UNITS = /[\u0100-\uffff]/g;

/** `text` with each match of `wide` replaced by `write` of it, as a one-byte string. */
function rewriteWide(text: string, wide: RegExp, write: (c: string) => string): string {
  if (!WIDE.test(text)) return text;
  // Slices, replacements and concatenations keep their source's width: only a fresh decode is one byte wide.
  return Buffer.from(text.replace(wide, write), "latin1").toString("latin1");
}

/** HTML with every character above U+00FF as a numeric reference; for text and attribute values, not `<script>` or `<style>`. */
export const latin1Html = (html: string): string => rewriteWide(html, WIDE_CODE_POINTS, (c) => `&#${c.codePointAt(0)!};`);

/** JSON text with every character above U+00FF as a `\uXXXX` escape. */
export const latin1Json = (json: string): string => rewriteWide(json, WIDE_UNITS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** `JSON.stringify(value)` kept to Latin-1; an array an element at a time, so no two-byte whole is ever made. */
export function jsonLatin1(value: unknown): string {
  if (!Array.isArray(value)) return latin1Json(JSON.stringify(value));
  let out = "[";
  // As JSON.stringify writes an array: undefined and functions as null.
  for (let i = 0; i < value.length; i++) out += `${i > 0 ? "," : ""}${latin1Json(JSON.stringify(value[i]) ?? "null")}`;
  return `${out}]`;
}
