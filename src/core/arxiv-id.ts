/**
 * arXiv identifiers. Two schemes exist:
 * - new style since April 2007: `YYMM.NNNN` (to 2014) or `YYMM.NNNNN` (from 2015), e.g. 2401.01234
 * - old style before: `archive[.SUBJ]/YYMMNNN`, e.g. hep-th/9901001, math.GT/0309136
 * Either may carry a version suffix `vN`. Canonical ids drop the version and the old-style subject
 * class (arXiv resolves math/0309136 and math.GT/0309136 to the same paper).
 */
import { PaperfeedError } from "./errors.js";

const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v(\d+))?$/;
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*)(?:\.[A-Z]{2})?\/(\d{2})(\d{2})(\d{3})(?:v(\d+))?$/;
/** Prefixes people paste: URLs, "arXiv:" labels, OAI identifiers. */
const PREFIX = /^(?:https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/|arxiv:|oai:arxiv\.org:)/i;

export interface ParsedArxivId {
  /** Canonical id without version. */
  id: string;
  /** Version when the input named one. */
  version: number | null;
  /** Year and month the id was assigned, "YYYY-MM". */
  yearMonth: string;
}

/** Parses an id, URL or OAI identifier; returns null when it is not an arXiv id. */
export function parseArxivId(raw: string): ParsedArxivId | null {
  const text = raw.trim().replace(PREFIX, "").replace(/\.pdf$/i, "");
  let m = NEW_STYLE.exec(text);
  if (m) {
    const [, yy, mm, num, v] = m;
    if (Number(mm) < 1 || Number(mm) > 12) return null;
    // Five-digit numbers only exist from 1501 on, four-digit only before.
    if ((num!.length === 5) !== Number(yy) >= 15) return null;
    return { id: `${yy}${mm}.${num}`, version: v ? Number(v) : null, yearMonth: `20${yy}-${mm}` };
  }
  m = OLD_STYLE.exec(text);
  if (m) {
    const [, archive, yy, mm, num, v] = m;
    if (Number(mm) < 1 || Number(mm) > 12) return null;
    const century = Number(yy) >= 91 ? "19" : "20";
    return { id: `${archive}/${yy}${mm}${num}`, version: v ? Number(v) : null, yearMonth: `${century}${yy}-${mm}` };
  }
  return null;
}

/** Like `parseArxivId` but throws a PaperfeedError naming the bad input. */
export function requireArxivId(raw: string): ParsedArxivId {
  const parsed = parseArxivId(raw);
  if (!parsed) throw new PaperfeedError("core", "bad_arxiv_id", `"${raw}" is not an arXiv id (expected e.g. 2401.01234 or hep-th/9901001)`);
  return parsed;
}

export const absUrl = (id: string, version?: number) => `https://arxiv.org/abs/${id}${version ? `v${version}` : ""}`;
export const pdfUrl = (id: string, version?: number) => `https://arxiv.org/pdf/${id}${version ? `v${version}` : ""}`;
