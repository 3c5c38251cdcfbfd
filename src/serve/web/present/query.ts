/**
 * Query-string parsing shared by the pages. Pages are forgiving where a wrong value has an
 * obvious meaning (a page number that is not one means page 1) and strict where guessing would
 * show the wrong papers (a malformed date is a 400 that says what was expected).
 */
import { z } from "zod";

/** 1-based page number; anything else reads as page 1. */
export const pageNumber = z.coerce.number().int().min(1).max(100_000).catch(1);

export function parsePage(raw: string | undefined): number {
  return pageNumber.parse(raw ?? 1);
}

/** Number of pages for `total` items, at least 1. */
export const pageCount = (total: number, perPage: number) => Math.max(1, Math.ceil(total / perPage));

/** A category or archive as used in filters ("cs.LG", "hep-th", "cs"); anything else reads as none. */
export function parseCategory(raw: string | undefined): string {
  const cat = (raw ?? "").trim();
  return cat.length <= 40 && /^[a-z-]+(\.[A-Za-z-]+)?$/.test(cat) ? cat : "";
}
