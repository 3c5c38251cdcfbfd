/**
 * Daily-listing JSON lines (`daily_arxiv_listings*.jsonl.gz`, and paperfeed's demo data):
 * {id, authors: [names], title, categories: [..], comment, summary, listing_date, pdf, abs}.
 * `listing_date` is the day the paper was announced; the abstract is the one announced (v1).
 */
import type { PaperInput } from "../../core/paper.js";
import { requireStr, str, strList, toIsoDate, type RawRecord } from "../fields.js";
import type { IngestItem } from "../items.js";
import type { ByteMeter } from "../source.js";
import { readJsonlPapers } from "./jsonl.js";

export function listingInput(record: RawRecord): PaperInput {
  const announced = toIsoDate(str(record, "listing_date"));
  return {
    id: requireStr(record, "id"),
    title: requireStr(record, "title"),
    abstract: str(record, "summary") ?? "",
    authors: strList(record.authors).map((name) => ({ name })),
    categories: strList(record.categories),
    comments: str(record, "comment"),
    // A listing date that is not a real day (or has a time) is ignored; makePaper derives one.
    ...(announced && announced.length === 10 ? { announced } : {}),
  };
}

export const readListing = (file: string, meter?: ByteMeter): AsyncGenerator<IngestItem> =>
  readJsonlPapers(file, listingInput, meter);
