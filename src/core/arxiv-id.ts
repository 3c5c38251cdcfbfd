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
/** Labels people paste before an id: "arXiv:", OAI identifiers, arXiv's DOI (10.48550/arXiv.…). */
const LABEL = /^(?:arxiv:\s*|oai:arxiv\.org:|10\.48550\/arxiv\.)/i;
/** "[cs.CL]" after an id, as reference lists print it ("arXiv:2401.01234v2 [cs.CL]"). */
const CATEGORY_SUFFIX = /\s+\[[a-z-]+(?:\.[a-z-]+)?\]$/i;
/**
 * Sites whose addresses name a paper as /<page>/<id>: arXiv itself (www, export, browse), its
 * old mirror name, ar5iv, alphaXiv and Hugging Face's paper pages.
 */
const PAPER_HOSTS = new Set([
  "arxiv.org", "www.arxiv.org", "export.arxiv.org", "browse.arxiv.org", "xxx.lanl.gov",
  "ar5iv.org", "ar5iv.labs.arxiv.org", "alphaxiv.org", "www.alphaxiv.org", "huggingface.co",
]);
const PAPER_PATH = /^\/(?:abs|pdf|html|format|overview|papers)\/(.+?)\/?$/;
const DOI_HOSTS = new Set(["doi.org", "dx.doi.org"]);

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
  const text = pastedId(String(raw));
  if (text === null) return null;
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

/**
 * The id part of what was pasted: the path of an arXiv (or mirror) address, without query,
 * fragment and ".pdf"; a label or DOI prefix and a trailing "[category]" dropped. Null for an
 * address of another site.
 */
function pastedId(raw: string): string | null {
  let text = raw.trim().replace(CATEGORY_SUFFIX, "");
  // With or without the scheme: "arxiv.org/abs/2401.01234" is pasted as often as the full URL.
  // "math.GT/0309136" looks like a host and a path too, so without a scheme only known hosts count.
  const address = /^(https?:\/\/)?([^/\s?#]+)(\/[^?#]*)/i.exec(text);
  const host = address?.[2]!.toLowerCase() ?? "";
  if (address && (address[1] || PAPER_HOSTS.has(host) || DOI_HOSTS.has(host))) {
    const path = safeDecode(address[3]!);
    if (DOI_HOSTS.has(host)) text = path.slice(1);
    else if (PAPER_HOSTS.has(host)) {
      const m = PAPER_PATH.exec(path);
      if (!m) return null;
      text = m[1]!;
    } else return null;
  }
  return text.replace(LABEL, "").replace(/\.pdf$/i, "");
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Like `parseArxivId` but throws a PaperfeedError naming the bad input. */
export function requireArxivId(raw: string): ParsedArxivId {
  const parsed = parseArxivId(raw);
  if (!parsed) throw new PaperfeedError("core", "bad_arxiv_id", `"${raw}" is not an arXiv id (expected e.g. 2401.01234 or hep-th/9901001)`);
  return parsed;
}

export const absUrl = (id: string, version?: number) => `https://arxiv.org/abs/${id}${version ? `v${version}` : ""}`;
export const pdfUrl = (id: string, version?: number) => `https://arxiv.org/pdf/${id}${version ? `v${version}` : ""}`;
