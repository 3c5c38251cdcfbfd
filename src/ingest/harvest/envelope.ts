/**
 * What an OAI-PMH page says besides its records, which the record reader (readers/oai-pmh.ts)
 * does not report: the server's date, each record's datestamp, the resumptionToken of the next
 * page with its cursor and completeListSize, and `<error code>` answers. A body that is not an
 * OAI-PMH document (an HTML error page, an empty body, malformed XML) is said so in `notOai`.
 */
import { child, childText, deepText, readXmlElements } from "../xml.js";

export interface OaiEnvelope {
  /** The day of `<responseDate>` ("YYYY-MM-DD", UTC), null when absent. */
  responseDay: string | null;
  /** OAI `<error>` elements: code and the server's text. */
  errors: Array<{ code: string; text: string }>;
  /** Datestamp of each record by identifier ("oai:arXiv.org:2104.12255" → "2021-04-21"). */
  datestamps: Map<string, string>;
  /** The resumptionToken element: `value` "" on the last page; null when the page has none. */
  token: { value: string; cursor: number | null; completeListSize: number | null } | null;
  /** Why the body is not an OAI-PMH response, or null when it is one. */
  notOai: string | null;
}

// Whole records, not just their headers: a record broken inside its metadata then stays that
// record's problem (the record reader reports it) instead of making the page malformed.
const COLLECTED = new Set(["responseDate", "error", "record", "resumptionToken", "html"]);

const count = (text: string | undefined) => (text && /^\d+$/.test(text) ? Number(text) : null);

export async function readOaiEnvelope(url: string, body: Buffer): Promise<OaiEnvelope> {
  const envelope: OaiEnvelope = { responseDay: null, errors: [], datestamps: new Map(), token: null, notOai: null };
  let root: string | null = null;
  for await (const event of readXmlElements(url, COLLECTED, undefined, body)) {
    if (event.kind === "root") {
      root = event.name;
      continue;
    }
    if (event.kind === "error") {
      // A malformed document as a whole; a broken record is the record reader's to report.
      if (event.scope === "file") envelope.notOai ??= event.reason.slice(Math.max(0, event.reason.indexOf("malformed XML")));
      continue;
    }
    if (event.kind !== "element") continue;
    const el = event.element;
    if (el.name === "html") envelope.notOai = `an HTML page: "${deepText(el).slice(0, 200)}"`;
    else if (el.name === "responseDate") envelope.responseDay = /^\d{4}-\d{2}-\d{2}/.exec(el.text.trim())?.[0] ?? null;
    else if (el.name === "error") envelope.errors.push({ code: el.attrs.code ?? "unknown", text: el.text.trim() });
    else if (el.name === "resumptionToken")
      envelope.token = { value: el.text.trim(), cursor: count(el.attrs.cursor), completeListSize: count(el.attrs.completeListSize) };
    else if (el.name === "record") {
      const header = child(el, "header");
      const id = header && childText(header, "identifier");
      const datestamp = header && childText(header, "datestamp");
      if (id && datestamp) envelope.datestamps.set(id, datestamp.slice(0, 10));
    }
  }
  if (root === null) {
    const text = body.toString("utf8", 0, Math.min(body.length, 200)).replace(/\s+/g, " ").trim();
    envelope.notOai = text ? `not XML: "${text}"` : "an empty body";
  } else if (envelope.notOai === null && root !== "OAI-PMH") envelope.notOai = `a document <${root}>, not <OAI-PMH>`;
  return envelope;
}
