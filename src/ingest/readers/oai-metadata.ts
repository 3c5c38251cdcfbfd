/**
 * The `<metadata>` part of an arXiv OAI-PMH record, in each of arXiv's three formats:
 * - `arXiv`: id, created, updated, authors/author{keyname, forenames, suffix, affiliation*}, …
 * - `arXivRaw`: id, submitter, version{date, size}*, authors as one string, …
 * - `oai_dc`: Dublin Core. Creators are "Keyname, Forenames"; descriptions hold the abstract and
 *   "Comment: …"; identifiers hold the abs URL, "doi:…" and the journal reference; dates are the
 *   version days. Subjects are display names ("Quantum Physics"), not category codes, so
 *   categories come from the header's setSpecs at archive level ("physics:hep-th" → "hep-th").
 */
import { parseAuthorString } from "../../core/authors.js";
import { PaperfeedError } from "../../core/errors.js";
import type { Author, PaperInput, PaperVersion } from "../../core/paper.js";
import { strList, toIsoDate, withoutEmail } from "../fields.js";
import { child, childrenNamed, childText, type XmlElement } from "../xml.js";

const FORMATS = ["arXiv", "arXivRaw", "dc"] as const;

/** The PaperInput of one `<record>`; `identifier` is the header's OAI identifier. */
export function metadataInput(record: XmlElement, identifier: string | null): PaperInput {
  const metadata = child(record, "metadata");
  const body = metadata?.children.find((c) => (FORMATS as readonly string[]).includes(c.name));
  if (!body) {
    const found = metadata?.children[0]?.name;
    throw new PaperfeedError(
      "ingest",
      "oai_format",
      found
        ? `unsupported metadata format <${found}> (expected arXiv, arXivRaw or oai_dc)`
        : "record has no metadata",
    );
  }
  if (body.name === "dc") return dublinCoreInput(body, record, identifier);
  const shared = {
    id: childText(body, "id") ?? identifier ?? "",
    title: childText(body, "title") ?? "",
    abstract: childText(body, "abstract") ?? "",
    categories: strList(childText(body, "categories")),
    comments: childText(body, "comments"),
    journalRef: childText(body, "journal-ref"),
    doi: childText(body, "doi"),
    license: childText(body, "license"),
    reportNo: childText(body, "report-no"),
    mscClass: childText(body, "msc-class"),
    acmClass: childText(body, "acm-class"),
  };
  if (body.name === "arXivRaw") {
    return {
      ...shared,
      authors: parseAuthorString(childText(body, "authors") ?? ""),
      versions: rawVersions(body),
      submitter: withoutEmail(childText(body, "submitter")),
    };
  }
  const submitted = toIsoDate(childText(body, "created"));
  return {
    ...shared,
    authors: structuredAuthors(body),
    submitted,
    updated: toIsoDate(childText(body, "updated")) ?? submitted,
  };
}

function structuredAuthors(body: XmlElement): Author[] {
  const list = child(body, "authors");
  if (!list) return [];
  return childrenNamed(list, "author").map((a) => {
    const keyname = childText(a, "keyname") ?? "";
    const forenames = childText(a, "forenames");
    const suffix = childText(a, "suffix");
    const author: Author = { name: [forenames, keyname, suffix].filter(Boolean).join(" "), keyname };
    if (forenames) author.forenames = forenames;
    if (suffix) author.suffix = suffix;
    const affiliations = childrenNamed(a, "affiliation")
      .map((x) => x.text.trim())
      .filter(Boolean);
    if (affiliations.length) author.affiliations = affiliations;
    return author;
  });
}

function rawVersions(body: XmlElement): PaperVersion[] {
  return childrenNamed(body, "version").flatMap((v) => {
    const number = Number((v.attrs.version ?? "").replace(/^v/i, ""));
    const date = toIsoDate(childText(v, "date"));
    if (!Number.isInteger(number) || number < 1 || !date) return [];
    const size = childText(v, "size");
    return [size ? { version: number, date, size } : { version: number, date }];
  });
}

function dublinCoreInput(dc: XmlElement, record: XmlElement, identifier: string | null): PaperInput {
  const texts = (name: string) =>
    childrenNamed(dc, name)
      .map((e) => e.text.trim())
      .filter(Boolean);
  const descriptions = texts("description");
  const identifiers = texts("identifier");
  const absUrl = identifiers.find((i) => /arxiv\.org\/abs\//i.test(i));
  const doi = identifiers.find((i) => /^doi:/i.test(i))?.slice(4);
  const journalRef = identifiers.find((i) => i !== absUrl && !/^doi:/i.test(i) && !/^https?:/i.test(i));
  const header = child(record, "header");
  const sets = header ? childrenNamed(header, "setSpec").map((s) => s.text.trim()) : [];
  const categories = sets.map((s) => s.split(":").at(-1)!).filter(Boolean);
  const days = texts("date")
    .map(toIsoDate)
    .filter((d): d is string => d !== null);
  return {
    id: identifier ?? absUrl ?? "",
    title: texts("title")[0] ?? "",
    abstract: descriptions.find((d) => !/^Comment:/i.test(d)) ?? "",
    authors: texts("creator").map(dublinCoreAuthor),
    categories: [...new Set(categories)],
    versions: days.map((date, i) => ({ version: i + 1, date })),
    comments: descriptions.find((d) => /^Comment:/i.test(d))?.replace(/^Comment:\s*/i, "") ?? null,
    doi: doi ?? null,
    journalRef: journalRef ?? null,
  };
}

/** "La Mura, Pierfrancesco" → Pierfrancesco La Mura; a name without a comma stays as it is. */
function dublinCoreAuthor(creator: string): Author {
  const comma = creator.indexOf(",");
  if (comma === -1) return { name: creator };
  const keyname = creator.slice(0, comma).trim();
  const forenames = creator.slice(comma + 1).trim();
  return forenames ? { name: `${forenames} ${keyname}`, keyname, forenames } : { name: keyname, keyname };
}
