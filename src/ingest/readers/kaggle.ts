/**
 * Kaggle's arXiv snapshot (`arxiv-metadata-oai-snapshot.json`): one JSON object per line with
 * id, submitter, authors, authors_parsed, title, comments, journal-ref, doi, report-no,
 * categories (space-separated), license, abstract, versions [{version, created}], update_date.
 */
import { parseAuthorString, authorsFromParsed } from "../../core/authors.js";
import type { PaperInput } from "../../core/paper.js";
import {
  requireStr,
  str,
  strList,
  toIsoDate,
  versionsFrom,
  withoutEmail,
  type RawRecord,
} from "../fields.js";
import type { IngestItem } from "../items.js";
import type { ByteMeter } from "../source.js";
import { readJsonlPapers } from "./jsonl.js";

/**
 * Maps the arXiv metadata fields that Kaggle and the .abs records share. `authors_parsed` is
 * preferred over the author string because it has resolved TeX accents ("Bal\'azs" → "Balázs").
 */
export function arxivMetadataInput(record: RawRecord): PaperInput {
  const parsed = record.authors_parsed;
  const authors =
    Array.isArray(parsed) && parsed.length > 0 && parsed.every(Array.isArray)
      ? authorsFromParsed(parsed as string[][])
      : parseAuthorString(str(record, "authors") ?? "");
  const versions = versionsFrom(record.versions);
  return {
    id: requireStr(record, "id"),
    title: requireStr(record, "title"),
    abstract: str(record, "abstract") ?? "",
    authors,
    categories: strList(record.categories),
    versions,
    // update_date is when the metadata last changed; it stands in only when versions are absent.
    updated: versions.at(-1)?.date ?? toIsoDate(str(record, "update_date")),
    comments: str(record, "comments"),
    journalRef: str(record, "journal-ref"),
    doi: str(record, "doi"),
    license: str(record, "license"),
    reportNo: str(record, "report-no"),
    mscClass: str(record, "msc-class"),
    acmClass: str(record, "acm-class"),
    submitter: withoutEmail(str(record, "submitter")),
  };
}

/** `update_date`: the snapshot's newest one is where a harvest takes over (see src/ingest/harvest). */
const updateDate = (record: RawRecord) => toIsoDate(str(record, "update_date"));

export const readKaggle = (file: string, meter?: ByteMeter): AsyncGenerator<IngestItem> =>
  readJsonlPapers(file, arxivMetadataInput, meter, updateDate);
