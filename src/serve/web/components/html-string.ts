/**
 * Helpers for the parts of a page written as escaped strings rather than JSX nodes (cards, their
 * sign-in links): the same escaping JSX applies, a component's result as its HTML, and text kept
 * to Latin-1 (see `latin1Html`).
 */
import { escapeToBuffer, raw } from "hono/utils/html";
import type { HtmlEscapedString } from "hono/utils/html";

/** Text escaped as JSX escapes text and attribute values. */
export function escaped(text: string): string {
  const out: [string] = [""];
  escapeToBuffer(text, out);
  return out[0];
}

/** A JSX node or raw string as its HTML; null, undefined and false as nothing (as JSX renders them). */
export const htmlOf = (node: unknown): string => (node === null || node === undefined || node === false ? "" : String(node));

/**
 * A character above U+00FF; for the replacement a surrogate pair first, so an astral character
 * becomes one reference. Not with the `u` flag: it made a card's replacement three times slower
 * (24 against 7.6 µs for 2,900 characters).
 */
const WIDE = /[^\x00-\xff]/;
const WIDE_ALL = /[\ud800-\udbff][\udc00-\udfff]|[^\x00-\xff]/g;

/**
 * `html` with every character above U+00FF written as a numeric reference, in a string V8 stores
 * one byte a character. A string holding one such character is stored two bytes a character, and
 * so is everything concatenated from it: a results page of 60–75 thousand characters then passes
 * the 128 KB above which V8 puts a string in its large-object space, where each copy of the page
 * (the joined cards, the feed links put into its head, the socket write) took fresh memory from
 * the OS and gave it back. On a virtual machine where touching fresh memory costs 15–20 µs a
 * 4 KB page, that was some 85 page faults and a ninth of a search page's CPU time (1M papers).
 * References read the same in HTML text and attribute values; not for `<script>` or `<style>`.
 */
export function latin1Html(html: string): string {
  if (!WIDE.test(html)) return html;
  // Slices and concatenations keep their source's width: only a fresh decode is one byte wide.
  return Buffer.from(html.replace(WIDE_ALL, (c) => `&#${c.codePointAt(0)!};`), "latin1").toString("latin1");
}

/** Text escaped for HTML and kept to Latin-1 (`latin1Html`), for a JSX child or attribute value. */
export const latin1Text = (text: string): HtmlEscapedString => raw(latin1Html(escaped(text)));

/**
 * Typographic characters above U+00FF as references, for page templates (JSX text would hold the
 * characters themselves and make the page two bytes a character; see latin1Html).
 */
export const chars = {
  hellip: raw("&#8230;"),
  ldquo: raw("&#8220;"),
  rdquo: raw("&#8221;"),
  lsaquo: raw("&#8249;"),
  rsaquo: raw("&#8250;"),
  upTriangle: raw("&#9650;"),
  star: raw("&#9733;"),
} as const;
