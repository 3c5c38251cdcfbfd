/**
 * Negative keywords of saved searches: a paper is excluded when its title or abstract contains
 * any excluded word or phrase, compared after the search analyzer (so "Survey" excludes
 * "surveys", and a phrase must appear as a run of words).
 */
import type { Paper } from "../../core/paper.js";
import { analyze } from "../../search/analyze/analyzer.js";

export type ExclusionTest = (paper: Paper, exclude: readonly string[]) => boolean;

/** A test that analyses each paper and each phrase once, however often it is asked. */
export function createExclusionTest(): ExclusionTest {
  const paperText = new Map<string, string>();
  const phraseText = new Map<string, string>();
  return (paper, exclude) => {
    if (exclude.length === 0) return false;
    let text = paperText.get(paper.id);
    if (text === undefined)
      paperText.set(paper.id, (text = ` ${analyze(`${paper.title} ${paper.abstract}`).join(" ")} `));
    return exclude.some((phrase) => {
      let terms = phraseText.get(phrase);
      if (terms === undefined) phraseText.set(phrase, (terms = analyze(phrase).join(" ")));
      return terms.length > 0 && text.includes(` ${terms} `);
    });
  };
}
