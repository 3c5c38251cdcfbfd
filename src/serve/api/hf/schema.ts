/**
 * Hugging Face's Daily Papers shapes, with their field names and types, so clients written for
 * huggingface.co/api/daily_papers and /api/papers/{id} read a paperfeed instance unchanged.
 * Optional HF fields paperfeed has no data for (ai_summary, ai_keywords, organization,
 * thumbnail) are left out, as HF itself leaves them out for papers without them.
 */
import { z } from "@hono/zod-openapi";

const isoTime = z.string().openapi({ format: "date-time", example: "2024-01-02T18:59:59.000Z" });

export const HfUserSchema = z
  .object({
    _id: z.string(),
    avatarUrl: z.string(),
    fullname: z.string(),
    name: z.string().openapi({ description: "The member's display name (HF: user name, as daily items name it)" }),
    user: z.string().openapi({ description: "The same name under the key HF's paper objects use" }),
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

export const HfDailyItemSchema = z
  .object({
    paper: HfPaperSchema,
    publishedAt: isoTime.openapi({ description: "When it entered the daily list (else its announcement day)" }),
    title: z.string(),
    summary: z.string(),
    mediaUrls: z.array(z.string()),
    numComments: z.number().int().min(0),
    submittedBy: HfUserSchema.nullable().openapi({ description: "null when nobody submitted it" }),
    isAuthorParticipating: z.boolean(),
  })
  .openapi("HfDailyItem");

export type HfUser = z.infer<typeof HfUserSchema>;
export type HfPaper = z.infer<typeof HfPaperSchema>;
export type HfDailyItem = z.infer<typeof HfDailyItemSchema>;
