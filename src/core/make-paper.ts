/**
 * Turns what a reader found into a complete, normalised Paper. Every reader ends here, so the
 * rules for whitespace, categories, versions and dates live in one place.
 */
import { parseArxivId } from "./arxiv-id.js";
import { extractCodeLinks } from "./code-links.js";
import { PaperfeedError } from "./errors.js";
import type { Paper, PaperInput } from "./paper.js";

/** Collapses arXiv's hard line wrapping; a line starting with indentation starts a paragraph. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .trim()
    .split(/\n(?=[ \t]{2,}|\n)/)
    .map((para) => para.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}

/** Single-line fields (titles, names): all whitespace runs become one space. */
export const normalizeLine = (text: string) => text.replace(/\s+/g, " ").trim();

const isoDay = (iso: string | null | undefined) => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : null);

export function makePaper(input: PaperInput): Paper {
  const parsed = parseArxivId(input.id);
  if (!parsed) throw new PaperfeedError("core", "bad_arxiv_id", `"${input.id}" is not an arXiv id`);
  const title = normalizeLine(input.title ?? "");
  if (!title) throw new PaperfeedError("core", "missing_title", `paper ${parsed.id} has no title`);
  const categories = [...new Set(input.categories.map((c) => c.trim()).filter(Boolean))];
  if (categories.length === 0) {
    // Old-style ids name their archive; the quant-ph OAI harvest has no category field at all.
    const archive = parsed.id.includes("/") ? parsed.id.split("/")[0]! : null;
    if (archive) categories.push(archive);
  }
  const versions = [...(input.versions ?? [])].sort((a, b) => a.version - b.version);
  const latest = versions.at(-1);
  const version = Math.max(input.version ?? 0, parsed.version ?? 0, latest?.version ?? 0, 1);
  const submitted = input.submitted ?? versions[0]?.date ?? null;
  const updated = input.updated ?? latest?.date ?? submitted;
  const announced =
    isoDay(input.announced) ?? isoDay(submitted) ?? isoDay(updated) ?? `${parsed.yearMonth}-01`;
  const abstract = normalizeText(input.abstract ?? "");
  const comments = input.comments ? normalizeLine(input.comments) || null : null;
  return {
    id: parsed.id,
    version,
    title,
    abstract,
    authors: input.authors.map((a) => ({ ...a, name: normalizeLine(a.name) })).filter((a) => a.name),
    categories,
    primaryCategory: categories[0] ?? "",
    submitted,
    updated,
    announced,
    versions,
    comments,
    journalRef: input.journalRef ? normalizeLine(input.journalRef) : null,
    doi: input.doi?.trim() || null,
    license: input.license?.trim() || null,
    reportNo: input.reportNo?.trim() || null,
    mscClass: input.mscClass?.trim() || null,
    acmClass: input.acmClass?.trim() || null,
    submitter: input.submitter?.trim() || null,
    codeLinks: input.codeLinks ?? extractCodeLinks(abstract, comments),
  };
}
