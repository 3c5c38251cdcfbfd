/**
 * The plain-text "seed" pages: a trending-papers page saved as text. Paragraphs are separated by
 * blank lines: a few lines of page chrome ("new", "Subscribe", a date), then title and abstract
 * paragraphs in turn. There are no arXiv ids, authors, categories or dates, so these pairs cannot
 * become Papers; `readSeedPage` returns them for evaluation and for matching by title.
 */
import { extractCodeLinks } from "../../core/code-links.js";
import type { CodeLink } from "../../core/paper.js";
import { normalizeLine, normalizeText } from "../../core/make-paper.js";
import { PaperfeedError } from "../../core/errors.js";
import { openSource, SourceError } from "../source.js";
import { readLines } from "../lines.js";

export interface SeedEntry {
  title: string;
  abstract: string;
  /** Code and project links found in the abstract. */
  codeLinks: CodeLink[];
}

/** A title is one line of at most this many characters. */
const MAX_TITLE = 300;
/** An abstract paragraph is longer than this; page chrome ("Get trending papers…") is shorter. */
const MIN_ABSTRACT = 160;

/** Title/abstract pairs in page order; paragraphs that do not form a pair are skipped. */
export async function readSeedPage(file: string): Promise<SeedEntry[]> {
  const paragraphs: string[] = [];
  let previousLine = -1;
  try {
    for await (const { line, text } of readLines(await openSource(file))) {
      // readLines skips blank lines but keeps numbering: a gap in line numbers is a paragraph break.
      if (line === previousLine + 1 && paragraphs.length > 0)
        paragraphs[paragraphs.length - 1] += `\n${text}`;
      else paragraphs.push(text);
      previousLine = line;
    }
  } catch (e) {
    if (e instanceof SourceError)
      throw new PaperfeedError(
        "ingest",
        "seed_unreadable",
        e.describe(`after line ${previousLine}`).replace(/^ingest: /, ""),
      );
    throw e;
  }
  return pairUp(paragraphs);
}

/** Pairs a short one-line paragraph (title) with the long paragraph after it (abstract). */
export function pairUp(paragraphs: readonly string[]): SeedEntry[] {
  const entries: SeedEntry[] = [];
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    const title = paragraphs[i]!.trim();
    const next = paragraphs[i + 1]!;
    if (!title || title.includes("\n") || title.length > MAX_TITLE || next.length <= MIN_ABSTRACT) continue;
    const abstract = normalizeText(next);
    entries.push({ title: normalizeLine(title), abstract, codeLinks: extractCodeLinks(abstract) });
    i++;
  }
  return entries;
}
