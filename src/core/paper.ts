/**
 * The domain record every part of paperfeed passes around. Readers in `src/ingest` produce it,
 * `src/store` persists it, `src/search` indexes it, `src/serve` presents it.
 * Plain data only (JSON-serialisable), so it crosses process and database boundaries unchanged.
 */

/** One author in the order the paper lists them. */
export interface Author {
  /** Display name as printed, e.g. "C.-P. Yuan". Never empty. */
  name: string;
  /** Family name when the source separates it (Kaggle `authors_parsed`, OAI `keyname`). */
  keyname?: string;
  /** Given names or initials when the source separates them. */
  forenames?: string;
  /** "Jr", "III", … when given. */
  suffix?: string;
  /** Affiliations when the source gives them (OAI arXiv format, Atom). */
  affiliations?: string[];
}

/** One submitted version of a paper (v1, v2, …). */
export interface PaperVersion {
  /** 1-based version number. */
  version: number;
  /** ISO-8601 timestamp of that submission (UTC), e.g. "2007-04-02T19:18:42Z". */
  date: string;
  /** Size as arXiv reports it ("199kb"), when known. */
  size?: string;
}

export type CodeLinkKind = "github" | "gitlab" | "huggingface" | "project";

/** A link to code, models, data or a project page found in the abstract or comments. */
export interface CodeLink {
  kind: CodeLinkKind;
  /** Normalised URL: https, no trailing punctuation, no trailing slash. */
  url: string;
}

export interface Paper {
  /** Canonical arXiv id without version: "2401.01234" or "hep-th/9901001". */
  id: string;
  /** Latest version this record describes (1 when the source does not say). */
  version: number;
  title: string;
  abstract: string;
  /** In the paper's order. */
  authors: Author[];
  /** All categories, primary first, no duplicates. */
  categories: string[];
  /** Equals `categories[0]`. */
  primaryCategory: string;
  /** ISO timestamp of v1 when known, else null. */
  submitted: string | null;
  /** ISO timestamp of the latest version when known, else null. */
  updated: string | null;
  /**
   * Day the paper first appeared in arXiv's daily listing ("YYYY-MM-DD"). When the source has no
   * listing date: the date of `submitted`, else of `updated`, else the first of the id's month.
   * It drives the daily views, so it is always set.
   */
  announced: string;
  /** Per-version dates where the source has them, ascending by version. */
  versions: PaperVersion[];
  comments: string | null;
  journalRef: string | null;
  doi: string | null;
  /** Licence URL as arXiv gives it, e.g. "http://creativecommons.org/licenses/by/4.0/". */
  license: string | null;
  reportNo: string | null;
  mscClass: string | null;
  acmClass: string | null;
  /** Submitter's name when the source has it (never an email address). */
  submitter: string | null;
  /** Extracted from abstract and comments by `extractCodeLinks`. */
  codeLinks: CodeLink[];
}

/** Fields a reader must supply; `makePaper` fills the derivable rest. */
export type PaperInput = Pick<Paper, "id" | "title" | "abstract" | "authors" | "categories"> &
  Partial<Omit<Paper, "id" | "title" | "abstract" | "authors" | "categories">>;
