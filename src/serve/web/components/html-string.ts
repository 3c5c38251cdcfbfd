/**
 * Helpers for the parts of a page written as escaped strings rather than JSX nodes (cards, their
 * sign-in links): the same escaping JSX applies, and a component's result as its HTML.
 */
import { escapeToBuffer } from "hono/utils/html";

/** Text escaped as JSX escapes text and attribute values. */
export function escaped(text: string): string {
  const out: [string] = [""];
  escapeToBuffer(text, out);
  return out[0];
}

/** A JSX node or raw string as its HTML; null, undefined and false as nothing (as JSX renders them). */
export const htmlOf = (node: unknown): string => (node === null || node === undefined || node === false ? "" : String(node));
