/**
 * Helpers for the parts of a page written as escaped strings rather than JSX nodes (cards, their
 * sign-in links): the same escaping JSX applies, a component's result as its HTML, and text kept
 * to Latin-1 (src/serve/latin1.ts).
 */
import { escapeToBuffer, raw } from "hono/utils/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { latin1Html } from "../../latin1.js";

/** Text escaped as JSX escapes text and attribute values. */
export function escaped(text: string): string {
  const out: [string] = [""];
  escapeToBuffer(text, out);
  return out[0];
}

/** A JSX node or raw string as its HTML; null, undefined and false as nothing (as JSX renders them). */
export const htmlOf = (node: unknown): string => (node === null || node === undefined || node === false ? "" : String(node));

/** Text escaped for HTML and kept to Latin-1 (`latin1Html`), for a JSX child or attribute value. */
export const latin1Text = (text: string): HtmlEscapedString => raw(latin1Html(escaped(text)));

/**
 * Typographic characters above U+00FF as references, for page templates (JSX text would hold the
 * characters themselves and make the page two bytes a character; see src/serve/latin1.ts).
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
