/**
 * Streams the record elements of an XML file (OAI-PMH `<record>`, Atom `<entry>`) as small trees,
 * using saxes, a streaming parser: memory stays bounded by one record, whatever the file size.
 * Namespace prefixes are dropped (`arxiv:comment` → `comment`); the formats we read never use one
 * local name for two meanings within a record.
 *
 * Malformed XML inside a record marks that record broken; saxes recovers at the next tags, so
 * the records after it are still read. Errors outside records are reported once per file.
 */
import { StringDecoder } from "node:string_decoder";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { fileError, recordError, type IngestItem } from "./items.js";
import { memorySource, openOrError, SourceError, type ByteMeter } from "./source.js";

export interface XmlElement {
  /** Local name without namespace prefix. */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Direct text content (text and CDATA), untrimmed. */
  text: string;
  /** 1-based line the element starts on. */
  line: number;
}

export const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);
export const childrenNamed = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
/** Trimmed text of the first child so named, or null. */
export const childText = (el: XmlElement, name: string) => child(el, name)?.text.trim() || null;
/** All text below an element, for error pages whose message sits in nested tags. */
export const deepText = (el: XmlElement): string =>
  [el.text, ...el.children.map(deepText)].join(" ").replace(/\s+/g, " ").trim();

export type XmlEvent =
  /** The document element's name, as soon as it opens. */
  | { kind: "root"; name: string; line: number }
  /** A complete record element; `index` counts records from 1. */
  | { kind: "element"; element: XmlElement; index: number }
  | IngestItem;

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/**
 * Yields the root name, then each element named in `recordNames` (at any depth, not nested in
 * another record) and error items for broken records, cut-off files and malformed documents.
 */
export async function* readXmlElements(
  file: string,
  recordNames: ReadonlySet<string>,
  meter?: ByteMeter,
  /** The document itself, when it is in memory (an HTTP response); `file` then only names it. */
  body?: Buffer,
): AsyncGenerator<XmlEvent> {
  const source = body ? memorySource(file, body) : await openOrError(file, meter);
  if (!("chunks" in source)) {
    yield source;
    return;
  }
  const parser = new SaxesParser({ xmlns: false, position: true });
  const queue: XmlEvent[] = [];
  const stack: XmlElement[] = []; // open elements of the current record, outermost first
  let records = 0;
  let sawRoot = false;
  let recordBroken: string | null = null;
  let outsideError: string | null = null;
  let recordErrors = 0;

  parser.on("opentag", (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (!sawRoot) {
      sawRoot = true;
      queue.push({ kind: "root", name, line: parser.line });
    }
    if (stack.length === 0 && !recordNames.has(name)) return;
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) attrs[localName(key)] = String(value);
    const element: XmlElement = { name, attrs, children: [], text: "", line: parser.line };
    stack.at(-1)?.children.push(element);
    stack.push(element);
  });
  const onText = (text: string) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", () => {
    const element = stack.pop();
    if (!element || stack.length > 0) return;
    records++;
    if (recordBroken) {
      recordErrors++;
      queue.push(
        recordError({ file, record: records, line: element.line }, `malformed XML (${recordBroken})`),
      );
    } else queue.push({ kind: "element", element, index: records });
    recordBroken = null;
  });
  parser.on("error", (e: Error) => {
    // A mismatched close tag makes saxes close every open element, the root too; the complaints
    // about "another root" that follow are echoes of that one broken record, not new damage.
    if (recordErrors > 0 && /only one root|outside of root node/.test(e.message)) return;
    const message = e.message.replace(/^(\d+):(\d+): /, "line $1 column $2: ");
    if (stack.length > 0) recordBroken ??= message;
    else outsideError ??= message;
  });

  const decoder = new StringDecoder("utf8");
  try {
    for await (const chunk of source.chunks) {
      parser.write(decoder.write(chunk));
      yield* queue.splice(0);
    }
    parser.write(decoder.end());
    parser.close();
    yield* queue.splice(0);
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    yield* queue.splice(0);
    yield fileError({ file, record: records }, e.describe(`after record ${records}`));
    return;
  }
  if (stack.length > 0) {
    yield recordError(
      { file, record: records + 1, line: stack[0]!.line },
      "document ends inside this record",
    );
  } else if (outsideError && recordErrors === 0) {
    yield fileError({ file }, `ingest: ${file}: malformed XML (${outsideError})`);
  }
}
