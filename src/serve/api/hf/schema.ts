/**
 * Hugging Face's Daily Papers shapes, with their field names and types, so clients written for
 * huggingface.co/api/daily_papers and /api/papers/{id} read a paperfeed instance unchanged.
 * Optional HF fields paperfeed has no data for (ai_summary, ai_keywords, organization,
 * thumbnail) are left out, as HF itself leaves them out for papers without them.
 */
import { z } from "@hono/zod-openapi";

/**
 * A page size of at least 1, `fallback` when absent. More than `max` is served as `max`, as
 * huggingface.co does: its clients ask for more (`list_papers(limit=120)`) and expect at most the
 * maximum, not an error.
 */
export const pageLimit = (max: number, fallback: number, what: string) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .default(fallback)
    .transform((n) => Math.min(n, max))
    .openapi({ description: `${what} per page, at least 1; more than ${max} is served as ${max}`, example: fallback });

const isoTime = z.string().openapi({ format: "date-time", example: "2024-01-02T18:59:59.000Z" });

export const HfUserSchema = z
  .object({
    _id: z.string(),
    avatarUrl: z.string(),
    fullname: z.string().openapi({ description: "The member's display name" }),
    name: z.string().openapi({ description: "The member's URL-safe username, as HF's daily items name it", example: "ada-lovelace" }),
    user: z.string().openapi({ description: "The same username under the key HF's paper objects (and huggingface_hub's User) read" }),
    type: z.literal("user"),
    isPro: z.boolean(),
    isHf: z.boolean(),
    isMod: z.boolean(),
    followerCount: z.number().int(),
  })
  .openapi("HfUser");

export const HfAuthorSchema = z
  .object({
    _id: z.string(),
    name: z.string(),
    hidden: z.boolean(),
  })
  .openapi("HfAuthor");

export const HfPaperSchema = z
  .object({
    id: z.string().openapi({ example: "2401.01234" }),
    authors: z.array(HfAuthorSchema),
    mediaUrls: z.array(z.string()),
    publishedAt: isoTime.openapi({ description: "When v1 was submitted to arXiv (else the announcement day)" }),
    submittedOnDailyAt: isoTime.optional().openapi({ description: "When a member put it on a daily list" }),
    submittedOnDailyBy: HfUserSchema.optional(),
    title: z.string(),
    summary: z.string(),
    upvotes: z.number().int().min(0),
    discussionId: z.string(),
    githubRepo: z.string().optional(),
    githubStars: z.number().int().optional(),
    projectPage: z.string().optional(),
    ai_summary: z.string().optional(),
    ai_keywords: z.array(z.string()).optional(),
  })
  .openapi("HfPaper");

/** `/api/papers/{id}` adds the comment count that daily items carry beside their paper. */
export const HfPaperWithCommentsSchema = HfPaperSchema.extend({ numComments: z.number().int().min(0) }).openapi("HfPaperWithComments");

export const HfDailyItemSchema = z
  .object({
    paper: HfPaperSchema,
    publishedAt: isoTime.openapi({ description: "When it entered the daily list (else its announcement day)" }),
    title: z.string(),
    summary: z.string(),
    thumbnail: z.string().optional().openapi({ description: "Absolute URL of the first page as an image, when one has been rendered", example: "https://paperfeed.example/thumbnails/2401.01234.webp?v=3f2a9c01d4e5b6a7" }),
    mediaUrls: z.array(z.string()),
    numComments: z.number().int().min(0),
    // A union, not .nullable(): that documents as allOf[$ref, {type: [object, null]}], which no null satisfies.
    submittedBy: z.union([HfUserSchema, z.null()]).openapi({ description: "null when nobody submitted it" }),
    isAuthorParticipating: z.boolean(),
  })
  .openapi("HfDailyItem");

export type HfUser = z.infer<typeof HfUserSchema>;
export type HfPaper = z.infer<typeof HfPaperSchema>;
export type HfDailyItem = z.infer<typeof HfDailyItemSchema>;
