/** zod schemas of the community read resources (comments, collections, curated lists, votes). */
import { z } from "@hono/zod-openapi";
import { CommunitySchema, PaperSchema } from "../common/paper-schema.js";

export const CommentSchema = z
  .object({
    id: z.number().int(),
    paperId: z.string(),
    parentId: z.number().int().nullable().openapi({ description: "The top-level comment this replies to" }),
    author: z.string().nullable().openapi({ description: "Display name; null once the comment was deleted" }),
    body: z.string().nullable().openapi({ description: "Markdown as written; null once deleted" }),
    createdAt: z.string(),
    editedAt: z.string().nullable(),
  })
  .openapi("Comment");

export const CommentsResponse = z.object({ paperId: z.string(), comments: z.array(CommentSchema) }).openapi("CommentsResponse");

const PaperEntry = z.object({ paper: PaperSchema, community: CommunitySchema });

export const CollectionResponse = z
  .object({
    collection: z.object({ id: z.number().int(), name: z.string(), owner: z.string(), isPublic: z.boolean(), createdAt: z.string(), items: z.number().int() }),
    items: z.array(PaperEntry.extend({ note: z.string(), addedAt: z.string() })),
  })
  .openapi("CollectionResponse");

export const CuratedResponse = z
  .object({
    day: z.string(),
    entries: z.array(PaperEntry.extend({ submittedBy: z.string(), submittedAt: z.string(), votes: z.number().int() })),
  })
  .openapi("CuratedResponse");

export const VotesResponse = z.object({ papers: z.array(PaperEntry) }).openapi("VotesResponse");
