/**
 * Record-level XML reading shared by the OAI-PMH and Atom readers: checks the document element,
 * reports HTML error pages, and turns each record element into a paper or an error item.
 */
import { makePaper } from "../core/make-paper.js";
import type { PaperInput } from "../core/paper.js";
import { bareMessage, fileError, recordError, type IngestItem, type Position } from "./items.js";
import type { ByteMeter } from "./source.js";
import { deepText, readXmlElements, type XmlElement, type XmlEvent } from "./xml.js";

/**
 * `readXmlElements` for one document type: a document element other than `root` ends the file
 * with one error; an HTML page (a proxy's or server's error page, e.g. a 503 "Retry after") is
 * reported with its text. Yields the record elements and error items only.
 */
export async function* readDocumentRecords(
  file: string,
  document: { root: string; label: string; records: readonly string[] },
  meter?: ByteMeter,
  body?: Buffer,
): AsyncGenerator<Extract<XmlEvent, { kind: "element" }> | IngestItem> {
  const collected = new Set([...document.records, "html"]);
  for await (const event of readXmlElements(file, collected, meter, body)) {
    if (event.kind === "root") {
      if (event.name === document.root || event.name === "html") continue;
      yield fileError({ file }, `ingest: ${file}: not ${document.label} (document element <${event.name}>)`);
      return;
    }
    if (event.kind === "element" && event.element.name === "html") {
      yield fileError(
        { file },
        `ingest: ${file}: not ${document.label} but an HTML page: "${deepText(event.element).slice(0, 200)}"`,
      );
    } else yield event;
  }
}

/**
 * The loop every XML reader shares: `toItem` turns a record element into a PaperInput (finished
 * by makePaper here) or directly into an item (deletions, error responses); anything it throws
 * becomes an error item for that record.
 */
export async function* readXmlPapers(
  file: string,
  document: { root: string; label: string; records: readonly string[] },
  toItem: (element: XmlElement, position: Position) => PaperInput | IngestItem,
  meter?: ByteMeter,
  /** The document in memory (an HTTP response); `file` then only names it in messages. */
  body?: Buffer,
): AsyncGenerator<IngestItem> {
  for await (const event of readDocumentRecords(file, document, meter, body)) {
    if (event.kind !== "element") {
      yield event;
      continue;
    }
    const position = { file, record: event.index, line: event.element.line };
    try {
      const result = toItem(event.element, position);
      yield "kind" in result ? result : { kind: "paper", paper: makePaper(result), position };
    } catch (e) {
      yield recordError(position, bareMessage(e));
    }
  }
}
