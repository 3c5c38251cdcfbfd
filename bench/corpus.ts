/**
 * A synthetic arXiv of any size, deterministic for a seed, streamed one paper at a time. Words,
 * lengths, author names and category lists are drawn from a model learned from real records
 * (bench/corpus/learn.ts); dates and ids follow arXiv's growth (bench/corpus/calendar.ts).
 *
 * The text of paper i depends only on (seed, i), never on the corpus size, so the first papers of a
 * 100k and a 2.6M corpus read the same; queries built from them (bench/queries.ts) match in both.
 */
import type { Paper } from "../src/core/paper.js";
import { makePaper } from "../src/core/make-paper.js";
import { createAliasSampler, type AliasSampler } from "./corpus/alias.js";
import { dayOf, IdAllocator, monthsFor } from "./corpus/calendar.js";
import type { Counts, CorpusModel } from "./corpus/learn.js";
import { createRandom, type Random } from "./corpus/prng.js";
import { createWordModel, type WordModel, type WordModelOptions } from "./corpus/word-model.js";

export interface CorpusOptions {
  /** Papers to generate; 1 to about 2.9 million (arXiv's id scheme limits the busiest months). */
  size: number;
  /** Seed of every random choice; default 1. */
  seed?: number;
}

export interface PaperText {
  title: string;
  abstract: string;
}

/** Draws values with the frequencies they were counted with. */
class Distribution<T> {
  private readonly sampler: AliasSampler;
  constructor(private readonly counts: Counts<T>) {
    this.sampler = createAliasSampler(counts.map(([, n]) => n));
  }
  sample(random: Random): T {
    return this.counts[this.sampler.sample(random)]![0];
  }
}

/** A GitHub link as papers give them: owner from the first author, repository from the title. */
function codeUrl(author: string, title: string): string {
  const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "") || "x";
  return `https://github.com/${slug(author.split(" ").at(-1) ?? "")}/${slug(title.split(" ")[0] ?? "")}`;
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
/** Mean words per sentence in arXiv abstracts (about 24); only decides where full stops go. */
const SENTENCE_WORDS = 24;

/** Everything learned, made ready to draw from; build once, then generate any number of corpora. */
export class CorpusGenerator {
  readonly titleWords: WordModel;
  readonly abstractWords: WordModel;
  private readonly titleLengths: Distribution<number>;
  private readonly abstractLengths: Distribution<number>;
  private readonly authorCounts: Distribution<number>;
  private readonly forenames: Distribution<string>;
  private readonly surnames: Distribution<string>;
  private readonly categoriesOld: Distribution<string>;
  private readonly categoriesRecent: Distribution<string>;
  /** Chance that an abstract word repeats an earlier word of the same abstract. */
  readonly repeatRate: number;

  /** `wordOptions` tune the word models (see WordModelOptions); defaults suit the shared data. */
  constructor(
    readonly model: CorpusModel,
    wordOptions: WordModelOptions = {},
  ) {
    this.titleWords = createWordModel(model.titleWords, wordOptions);
    this.abstractWords = createWordModel(model.abstractWords, wordOptions);
    this.titleLengths = new Distribution(model.titleLengths);
    this.abstractLengths = new Distribution(model.abstractLengths);
    this.authorCounts = new Distribution(model.authorCounts);
    this.forenames = new Distribution(model.forenames);
    this.surnames = new Distribution(model.surnames);
    this.categoriesOld = new Distribution(
      model.categoriesOld.length ? model.categoriesOld : model.categoriesRecent,
    );
    this.categoriesRecent = new Distribution(model.categoriesRecent);
    this.repeatRate = this.fitRepeatRate();
  }

  /** Abstract words of paper `index`: fresh draws, or with `repeatRate` an earlier word again. */
  private abstractRanks(random: Random, length: number, repeatRate = this.repeatRate): Int32Array {
    const ranks = new Int32Array(length);
    for (let i = 0; i < length; i++) {
      ranks[i] =
        i > 0 && random.next() < repeatRate ? ranks[random.int(i)]! : this.abstractWords.sampleRank(random);
    }
    return ranks;
  }

  /**
   * Real abstracts repeat their own words (a paper on graphs says "graph" often) more than
   * independent draws would; the repeat rate is set so that the share of distinct words per
   * abstract matches the one observed.
   */
  private fitRepeatRate(): number {
    const target = this.model.abstractDistinctRatio;
    const distinctRatio = (rate: number) => {
      const random = createRandom(0x5eed, 0);
      let sum = 0;
      let count = 0;
      while (count < 1500) {
        const length = this.abstractLengths.sample(random);
        if (length < 20) continue;
        sum += new Set(this.abstractRanks(random, length, rate)).size / length;
        count++;
      }
      return sum / count;
    };
    let low = 0;
    let high = 0.9;
    for (let step = 0; step < 12; step++) {
      const middle = (low + high) / 2;
      if (distinctRatio(middle) > target) low = middle;
      else high = middle;
    }
    return (low + high) / 2;
  }

  /** Title and abstract of paper `index` for `seed`. */
  text(seed: number, index: number): PaperText & { random: Random } {
    const random = createRandom(seed, index);
    const titleLength = this.titleLengths.sample(random);
    const title: string[] = [];
    for (let i = 0; i < titleLength; i++)
      title.push(this.titleWords.word(this.titleWords.sampleRank(random)));
    const ranks = this.abstractRanks(random, this.abstractLengths.sample(random));
    let abstract = "";
    let sentenceStart = true;
    for (let i = 0; i < ranks.length; i++) {
      const word = this.abstractWords.word(ranks[i]!);
      abstract += sentenceStart ? (i > 0 ? " " : "") + capitalize(word) : " " + word;
      sentenceStart = i === ranks.length - 1 || random.next() < 1 / SENTENCE_WORDS;
      if (sentenceStart) abstract += ".";
    }
    return { title: capitalize(title.join(" ")), abstract, random };
  }

  /** Papers of a corpus, in id order, one at a time. */
  *papers(options: CorpusOptions): Generator<Paper> {
    const seed = options.seed ?? 1;
    let index = 0;
    for (const month of monthsFor(options.size)) {
      const ids = new IdAllocator(month);
      for (let k = 0; k < month.count; k++, index++) {
        const { title, abstract, random } = this.text(seed, index);
        const categories = (month.year < 2010 ? this.categoriesOld : this.categoriesRecent)
          .sample(random)
          .split(" ");
        const authors = Array.from({ length: this.authorCounts.sample(random) }, () => ({
          name: `${this.forenames.sample(random)} ${this.surnames.sample(random)}`,
        }));
        const day = dayOf(month, k);
        const code = random.chance(this.model.codeLinkRate)
          ? ` Code: ${codeUrl(authors[0]?.name ?? "", title)}.`
          : "";
        yield makePaper({
          id: ids.next(categories[0]!),
          title,
          abstract: abstract + code,
          authors,
          categories,
          announced: day,
          versions: [{ version: 1, date: `${day}T12:00:00Z` }],
        });
      }
    }
  }
}
