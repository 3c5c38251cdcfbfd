/** zod schemas of the write endpoints' bodies and answers; they validate requests and document them. */
import { z } from "@hono/zod-openapi";
import { CommentSchema } from "../community/schema.js";

const paperRef = z
  .string()
  .min(1)
  .max(200)
  .openapi({ description: "arXiv id in any form, or an arXiv URL", example: "2401.01234" });

export const VoteBody = z
  .object({
    up: z
      .boolean()
      .optional()
      .openapi({ description: "true sets the upvote, false clears it; left out, it toggles" }),
  })
  .openapi("VoteRequest");

export const VoteResponse = z
  .object({ paper: z.string(), upvoted: z.boolean(), upvotes: z.number().int().min(0) })
  .openapi("VoteResponse");

export const CommentBody = z
  .object({
    body: z
      .string()
      .trim()
      .min(1)
      .max(10_000)
      .openapi({ description: "Markdown; raw HTML is dropped when shown" }),
    parentId: z
      .number()
      .int()
      .positive()
      .nullable()
      .optional()
      .openapi({ description: "The comment this replies to" }),
  })
  .openapi("CommentRequest");

export const PostedComment = CommentSchema.extend({
  html: z
    .string()
    .openapi({ description: "The body as the pages show it: Markdown rendered, then sanitised" }),
}).openapi("PostedComment");

export const SubmissionBody = z.object({ paper: paperRef }).openapi("SubmissionRequest");

export const SubmissionResponse = z
  .object({
    day: z.string(),
    paper: z.string(),
    submittedBy: z.string(),
    submittedAt: z.string(),
    votes: z.number().int(),
  })
  .openapi("Submission");

export const CollectBody = z
  .object({
    paper: paperRef,
    note: z.string().max(1000).default("").openapi({ description: "Up to 1000 characters" }),
  })
  .openapi("CollectRequest");

export const CollectedResponse = z
  .object({ collection: z.number().int(), paper: z.string(), note: z.string(), addedAt: z.string() })
  .openapi("CollectionEntry");
