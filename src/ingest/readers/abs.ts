/**
 * arXiv `.abs` metadata records converted to JSON lines (`arxiv_browse_abs_records.jsonl`):
 * the Kaggle fields minus `authors_parsed`/`update_date`, with authors as one string
 * ("A. Smith, B. Jones and C. Doe") and versions carrying sizes ({version, created, size}).
 */
import type { IngestItem } from "../items.js";
import type { ByteMeter } from "../source.js";
import { readJsonlPapers } from "./jsonl.js";
import { arxivMetadataInput } from "./kaggle.js";

export const readAbs = (file: string, meter?: ByteMeter): AsyncGenerator<IngestItem> =>
  readJsonlPapers(file, arxivMetadataInput, meter);
