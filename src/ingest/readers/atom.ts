/**
 * Responses of arXiv's export API (`export.arxiv.org/api/query`): an Atom feed with one `<entry>`
 * per paper, in both the current layout (2026: `arxiv:` elements after the categories) and the
 * legacy one (2019: namespaces declared on each element). An API error is a feed whose single
 * entry has an id under `/api/errors` (e.g. "incorrect id format for abc"): one file-level error.
 * An empty result is a feed without entries: no items at all.
 */
import type { Author, PaperInput } from "../../core/paper.js";
import { toIsoDate } from "../fields.js";
import { fileError, type IngestItem, type Position } from "../items.js";
import type { ByteMeter } from "../source.js";
import { readXmlPapers } from "../xml-records.js";
import { childrenNamed, childText, type XmlElement } from "../xml.js";

const DOCUMENT = { root: "feed", label: "an Atom feed", records: ["entry"] };

export const readAtom = (file: string, meter?: ByteMeter): AsyncGenerator<IngestItem> =>
  readXmlPapers(file, DOCUMENT, entryItem, meter);

/** The same, for a response body in memory; `name` (the request URL) stands in messages. */
export const readAtomBody = (name: string, body: Buffer): AsyncGenerator<IngestItem> =>
  readXmlPapers(name, DOCUMENT, entryItem, undefined, body);

function entryItem(entry: XmlElement, position: Position): PaperInput | IngestItem {
  const entryId = childText(entry, "id") ?? "";
  if (/\/api\/errors/.test(entryId)) {
    return fileError(
      { file: position.file },
      `ingest: ${position.file}: arXiv API error: ${childText(entry, "summary") ?? entryId}`,
    );
  }
  return entryInput(entry);
}

function entryInput(entry: XmlElement): PaperInput {
  const text = (name: string) => {
    const value = childText(entry, name);
    return value === null ? null : repairMojibake(value);
  };
  const primary = childrenNamed(entry, "primary_category")[0]?.attrs.term;
  const terms = childrenNamed(entry, "category").map((c) => c.attrs.term ?? "");
  const doiLink = childrenNamed(entry, "link").find((l) => l.attrs.title === "doi")?.attrs.href;
  const submitted = toIsoDate(childText(entry, "published"));
  return {
    // "http://arxiv.org/abs/1707.08567v1": parseArxivId takes URLs and keeps the version.
    id: childText(entry, "id") ?? "",
    title: text("title") ?? "",
    abstract: text("summary") ?? "",
    authors: childrenNamed(entry, "author").map(entryAuthor),
    categories: [...(primary ? [primary] : []), ...terms],
    submitted,
    updated: toIsoDate(childText(entry, "updated")) ?? submitted,
    comments: text("comment"),
    journalRef: text("journal_ref"),
    doi: childText(entry, "doi") ?? doiLink?.replace(/^https?:\/\/(dx\.)?doi\.org\//, "") ?? null,
  };
}

function entryAuthor(author: XmlElement): Author {
  const result: Author = { name: repairMojibake(childText(author, "name") ?? "") };
  const affiliations = childrenNamed(author, "affiliation")
    .map((a) => repairMojibake(a.text.trim()))
    .filter(Boolean);
  if (affiliations.length) result.affiliations = affiliations;
  return result;
}

/**
 * Some recorded API responses carry UTF-8 that was decoded as Latin-1 once ("WÃ¼bben" for
 * "Wübben"). Runs that decode cleanly back to UTF-8 are repaired; anything else is left alone.
 */
export function repairMojibake(text: string): string {
  if (!/[\u00C2-\u00F4][\u0080-\u00BF]/.test(text)) return text;
  return text.replace(/[\u00C2-\u00F4][\u0080-\u00BF]{1,3}/g, (run) => {
    const decoded = Buffer.from(run, "latin1").toString("utf8");
    return decoded.includes("\uFFFD") || [...decoded].length !== 1 ? run : decoded;
  });
}
