/**
 * OAI-PMH responses from arXiv (`export.arxiv.org/oai2`, GetRecord or ListRecords) in any of the
 * three metadata formats arXiv serves: `arXiv`, `arXivRaw` and `oai_dc` (see oai-metadata.ts).
 * `<header status="deleted">` yields a delete item. An OAI `<error code="…">` response, or a
 * non-OAI body such as the HTML of a 503 "Retry after" page, yields one file-level error item.
 */
import { parseArxivId } from "../../core/arxiv-id.js";
import type { PaperInput } from "../../core/paper.js";
import { fileError, recordError, type IngestItem, type Position } from "../items.js";
import type { ByteMeter } from "../source.js";
import { readXmlPapers } from "../xml-records.js";
import { child, childText, type XmlElement } from "../xml.js";
import { metadataInput } from "./oai-metadata.js";

const DOCUMENT = { root: "OAI-PMH", label: "an OAI-PMH response", records: ["record", "error"] };

export const readOaiPmh = (file: string, meter?: ByteMeter): AsyncGenerator<IngestItem> =>
  readXmlPapers(file, DOCUMENT, recordItem, meter);

/** The same, for a response body in memory; `name` (the request URL) stands in messages. */
export const readOaiPmhBody = (name: string, body: Buffer): AsyncGenerator<IngestItem> =>
  readXmlPapers(name, DOCUMENT, recordItem, undefined, body);

function recordItem(el: XmlElement, position: Position): PaperInput | IngestItem {
  if (el.name === "error") {
    const code = el.attrs.code ?? "unknown";
    return fileError(
      { file: position.file },
      `ingest: ${position.file}: OAI-PMH error ${code}: ${el.text.trim() || "(no message)"}`,
    );
  }
  const header = child(el, "header");
  const identifier = header ? childText(header, "identifier") : null;
  if (header?.attrs.status === "deleted") {
    const parsed = identifier ? parseArxivId(identifier) : null;
    if (parsed) return { kind: "delete", id: parsed.id, position };
    return recordError(position, `deleted record without a valid arXiv identifier (${identifier ?? "none"})`);
  }
  return metadataInput(el, identifier);
}
