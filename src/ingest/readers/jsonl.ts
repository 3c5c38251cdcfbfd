/**
 * The shared loop of every JSON-lines reader: one JSON object per line, mapped to a PaperInput
 * and finished by makePaper. A bad line becomes an error item and the next line is read; a
 * cut-off or corrupt gzip ends the file with one file-level error after the last whole line.
 */
import { messageOf } from "../../core/errors.js";
import { makePaper } from "../../core/make-paper.js";
import type { PaperInput } from "../../core/paper.js";
import { isRecord, type RawRecord } from "../fields.js";
import { bareMessage, fileError, recordError, type IngestItem } from "../items.js";
import { readLines } from "../lines.js";
import { openOrError, SourceError, type ByteMeter } from "../source.js";

/** Yields each line parsed as a JSON object, or an error item for a line that is not one. */
export async function* readJsonObjects(
  file: string,
  meter?: ByteMeter,
): AsyncGenerator<{ kind: "object"; value: RawRecord; line: number } | IngestItem> {
  const source = await openOrError(file, meter);
  if (!("chunks" in source)) {
    yield source;
    return;
  }
  let lastLine = 0;
  try {
    for await (const { line, text } of readLines(source)) {
      lastLine = line;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        yield recordError({ file, line }, `invalid JSON (${messageOf(e)})`);
        continue;
      }
      if (!isRecord(value)) yield recordError({ file, line }, "not a JSON object");
      else yield { kind: "object", value, line };
    }
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    yield fileError({ file, line: lastLine }, e.describe(`after line ${lastLine}`));
  }
}

/** A complete JSONL reader from a record → PaperInput mapping (which may throw for bad records). */
export async function* readJsonlPapers(
  file: string,
  toInput: (record: RawRecord) => PaperInput,
  meter?: ByteMeter,
  /** The record's datestamp, for formats that carry one (see IngestItem). */
  datestampOf?: (record: RawRecord) => string | null,
): AsyncGenerator<IngestItem> {
  for await (const item of readJsonObjects(file, meter)) {
    if (item.kind !== "object") {
      yield item;
      continue;
    }
    const position = { file, line: item.line };
    try {
      const paper = makePaper(toInput(item.value));
      const datestamp = datestampOf?.(item.value);
      yield datestamp ? { kind: "paper", paper, position, datestamp } : { kind: "paper", paper, position };
    } catch (e) {
      yield recordError(position, bareMessage(e));
    }
  }
}
