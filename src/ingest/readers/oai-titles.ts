/**
 * Titles and abstracts from an OAI `oai_dc` harvest of the quant-ph set, reduced to JSON lines
 * (`quant-ph_oai_titles_abstracts_*.jsonl.gz`): {id, oai_identifier, title, abstract, date}.
 * `date` is the first-version date. There are no categories and no authors: an old-style id names
 * its archive (cond-mat/0101001 → cond-mat), and since every record came from the quant-ph set the
 * paper is cross-listed there too; a new-style id has only "quant-ph".
 */
import { parseArxivId } from "../../core/arxiv-id.js";
import type { PaperInput } from "../../core/paper.js";
import { requireStr, str, toIsoDate, type RawRecord } from "../fields.js";
import type { IngestItem } from "../items.js";
import type { ByteMeter } from "../source.js";
import { readJsonlPapers } from "./jsonl.js";

const HARVESTED_SET = "quant-ph";

export function oaiTitlesInput(record: RawRecord): PaperInput {
  const id = str(record, "id") ?? requireStr(record, "oai_identifier");
  const archive = parseArxivId(id)?.id.split("/");
  const categories = archive && archive.length === 2 ? [archive[0]!, HARVESTED_SET] : [HARVESTED_SET];
  return {
    id,
    title: requireStr(record, "title"),
    abstract: str(record, "abstract") ?? "",
    authors: [],
    categories: [...new Set(categories)],
    submitted: toIsoDate(str(record, "date")),
  };
}

export const readOaiTitles = (file: string, meter?: ByteMeter): AsyncGenerator<IngestItem> =>
  readJsonlPapers(file, oaiTitlesInput, meter);
