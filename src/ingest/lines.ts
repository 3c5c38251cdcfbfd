/**
 * Splits a Source into text lines without holding more than one chunk and one partial line.
 * A byte-order mark at the start is dropped; "\r\n" and "\n" both end a line; blank lines are
 * skipped but still counted, so line numbers match what an editor shows.
 */
import { StringDecoder } from "node:string_decoder";
import type { Source } from "./source.js";

export interface Line {
  /** 1-based line number in the (decompressed) file. */
  line: number;
  text: string;
}

/**
 * Yields non-blank lines. A SourceError from the source propagates after every complete line
 * before it; the partial last line of a cut-off file is dropped, since it cannot be a whole record.
 */
export async function* readLines(source: Source): AsyncGenerator<Line> {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  let lineNo = 0;
  let first = true;
  for await (const chunk of source.chunks) {
    let text = pending + decoder.write(chunk);
    if (first) {
      text = text.replace(/^\uFEFF/, "");
      first = false;
    }
    let start = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
      lineNo++;
      const line = text.slice(start, nl).replace(/\r$/, "");
      start = nl + 1;
      if (line.trim()) yield { line: lineNo, text: line };
    }
    pending = text.slice(start);
  }
  const last = (pending + decoder.end()).replace(/\r$/, "");
  if (last.trim()) yield { line: lineNo + 1, text: last };
}
