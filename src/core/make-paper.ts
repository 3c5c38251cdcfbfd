/**
 * Turns what a reader found into a complete, normalised Paper. Every reader ends here, so the
 * rules for whitespace, categories, versions and dates live in one place.
 */
import { parseArxivId } from "./arxiv-id.js";
import { extractCodeLinks } from "./code-links.js";
import { PaperfeedError } from "./errors.js";
import type { Author, Paper, PaperInput, PaperVersion } from "./paper.js";
import { normalizeLine, normalizeText } from "./whitespace.js";

export { normalizeLine, normalizeText };

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
  // Fields in sorted key order, as the store's canonical JSON writes them (store/paper-json.ts):
  // the store then encodes the paper as it is instead of copying it with sorted keys.
  return {
    abstract,
    acmClass: input.acmClass?.trim() || null,
    announced,
    authors: input.authors.flatMap(authorOf),
    categories,
    codeLinks: input.codeLinks ?? extractCodeLinks(abstract, comments),
    comments,
    doi: input.doi?.trim() || null,
    id: parsed.id,
    journalRef: input.journalRef ? normalizeLine(input.journalRef) : null,
    license: input.license?.trim() || null,
    mscClass: input.mscClass?.trim() || null,
    primaryCategory: categories[0] ?? "",
    reportNo: input.reportNo?.trim() || null,
    submitted,
    submitter: input.submitter?.trim() || null,
    title,
    updated,
    version,
    versions: versions.map(versionOf),
  };
}

/** An author with a normalised name (none: dropped), its fields in sorted key order. */
function authorOf(author: Author): Author[] {
  const name = normalizeLine(author.name);
  if (!name) return [];
  const out: Author = {} as Author;
  if (author.affiliations !== undefined) out.affiliations = author.affiliations;
  if (author.forenames !== undefined) out.forenames = author.forenames;
  if (author.keyname !== undefined) out.keyname = author.keyname;
  out.name = name;
  if (author.suffix !== undefined) out.suffix = author.suffix;
  return [out];
}

/** A version, its fields in sorted key order. */
const versionOf = (v: PaperVersion): PaperVersion =>
  v.size === undefined ? { date: v.date, version: v.version } : { date: v.date, size: v.size, version: v.version };

