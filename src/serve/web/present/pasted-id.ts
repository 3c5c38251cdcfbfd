/**
 * A search box holding nothing but a paper's address — an arXiv id (new or old style, with or
 * without version or "arXiv:"), an arxiv.org abs/pdf URL, or an arXiv DOI (10.48550/arXiv.…,
 * also as a doi.org URL) — opens that paper instead of searching for it.
 */
import { parseArxivId } from "../../../core/arxiv-id.js";

export function pastedPaperId(q: string): string | null {
  const text = q.trim();
  // Words around an id make a query ("2401.01234 follow-up"), not an address.
  if (!text || /\s/.test(text)) return null;
  return parseArxivId(text)?.id ?? null;
}
