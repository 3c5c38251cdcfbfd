/** The zod schema of paperfeed's own paper record (src/core/paper.ts), for responses and the OpenAPI document. */
import { z } from "@hono/zod-openapi";

const Author = z
  .object({
    name: z.string(),
    keyname: z.string().optional(),
    forenames: z.string().optional(),
    suffix: z.string().optional(),
    affiliations: z.array(z.string()).optional(),
  })
  .openapi("Author");

const Version = z.object({ version: z.number().int(), date: z.string(), size: z.string().optional() });
const CodeLink = z.object({ kind: z.enum(["github", "gitlab", "huggingface", "project"]), url: z.string() });
const nullableText = z.string().nullable();

export const PaperSchema = z
  .object({
    id: z.string().openapi({ example: "2401.01234", description: "Canonical arXiv id without version" }),
    version: z.number().int().min(1),
    title: z.string(),
    abstract: z.string(),
    authors: z.array(Author),
    categories: z.array(z.string()),
    primaryCategory: z.string(),
    submitted: nullableText.openapi({ description: "ISO time of v1" }),
    updated: nullableText.openapi({ description: "ISO time of the latest version" }),
    announced: z.string().openapi({ description: "Day it first appeared in arXiv's listing, YYYY-MM-DD" }),
    versions: z.array(Version),
    comments: nullableText,
    journalRef: nullableText,
    doi: nullableText,
    license: nullableText,
    reportNo: nullableText,
    mscClass: nullableText,
    acmClass: nullableText,
    submitter: nullableText,
    codeLinks: z.array(CodeLink),
  })
  .openapi("Paper");

/** Community counters beside a paper: 0 / null until there is community data. */
export const CommunitySchema = z
  .object({
    upvotes: z.number().int().min(0),
    comments: z.number().int().min(0),
    submittedBy: z.string().nullable().openapi({ description: "Display name of the member who put it on a daily list" }),
    submittedAt: z.string().nullable(),
  })
  .openapi("Community");
