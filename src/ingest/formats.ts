/**
 * The input formats paperfeed reads, by the names users pass as `format`. Formats whose records
 * carry no arXiv id (BEIR corpora, seed pages) are recognised but not storable: importing them
 * counts their records as skipped and says why, instead of inventing ids for the library.
 */
import { PaperfeedError } from "../core/errors.js";
import type { Reader } from "./items.js";
import { readAbs } from "./readers/abs.js";
import { readAtom } from "./readers/atom.js";
import { readBeirCorpus } from "./readers/beir.js";
import { readKaggle } from "./readers/kaggle.js";
import { readListing } from "./readers/listing.js";
import { readOaiPmh } from "./readers/oai-pmh.js";
import { readOaiTitles } from "./readers/oai-titles.js";
import { readSeedPage } from "./readers/seed.js";

export const FORMAT_NAMES = [
  "kaggle",
  "abs",
  "listing",
  "oai-titles",
  "oai-pmh",
  "atom",
  "beir",
  "seed",
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export type Format =
  | { name: FormatName; description: string; storable: true; read: Reader }
  | {
      name: FormatName;
      description: string;
      storable: false;
      /** Counts the records, which is all an import can do with them. */
      count: (file: string) => Promise<number>;
      /** Why they are not stored and what to use instead. */
      why: string;
    };

async function countBeir(file: string): Promise<number> {
  let n = 0;
  for await (const _doc of readBeirCorpus(file)) n++;
  return n;
}

export const FORMATS: Readonly<Record<FormatName, Format>> = {
  kaggle: {
    name: "kaggle",
    storable: true,
    read: readKaggle,
    description: "Kaggle arXiv snapshot (JSON lines)",
  },
  abs: { name: "abs", storable: true, read: readAbs, description: "arXiv .abs records as JSON lines" },
  listing: {
    name: "listing",
    storable: true,
    read: readListing,
    description: "daily arXiv listings (JSON lines)",
  },
  "oai-titles": {
    name: "oai-titles",
    storable: true,
    read: readOaiTitles,
    description: "OAI titles/abstracts (JSON lines)",
  },
  "oai-pmh": {
    name: "oai-pmh",
    storable: true,
    read: readOaiPmh,
    description: "OAI-PMH XML (arXiv, arXivRaw, oai_dc)",
  },
  atom: { name: "atom", storable: true, read: readAtom, description: "arXiv export API Atom feed" },
  beir: {
    name: "beir",
    storable: false,
    count: countBeir,
    description: "BEIR corpus.jsonl (evaluation)",
    why: "BEIR documents have no arXiv ids and are not stored; evaluation reads them with readBeirCorpus",
  },
  seed: {
    name: "seed",
    storable: false,
    count: async (file) => (await readSeedPage(file)).length,
    description: "plain-text seed page (titles and abstracts)",
    why: "seed pages have no arXiv ids, authors or dates and are not stored; use readSeedPage",
  },
};

export const isFormatName = (name: string): name is FormatName =>
  (FORMAT_NAMES as readonly string[]).includes(name);

/** The format for a user-given name; an unknown name is an error listing the known ones. */
export function formatByName(name: string): Format {
  if (isFormatName(name)) return FORMATS[name];
  throw new PaperfeedError(
    "ingest",
    "unknown_format",
    `unknown format "${name}"; known formats: ${FORMAT_NAMES.join(", ")}`,
  );
}
