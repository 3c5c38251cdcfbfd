/**
 * Errors on the Hugging Face-compatible routes. huggingface.co answers `{"error": "message"}`
 * and its clients (huggingface_hub's `hf_raise_for_status`) print that string; paperfeed's own
 * `{error: {id, message}}` would reach their users as a raw dict. So these routes, and only these,
 * answer HF's shape; every other `/api` route keeps the richer one (src/serve/api/common/errors.ts).
 * And HF clients expect 404 for a paper id that names no paper, malformed or not.
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { isPaperfeedError, PaperfeedError } from "../../../core/errors.js";
import type { Paper } from "../../../core/paper.js";
import { paperOfRequest } from "../common/paper-id.js";
import type { ApiDeps } from "../deps.js";

const HF_PATHS = /^\/(?:api\/daily_papers|api\/papers(?:\/.*)?|api\/whoami-v2|papers\/.+\.md)$/;

/** Whether `path` is one of the routes that answer in Hugging Face's shapes, errors included. */
export const isHfRoute = (path: string) => HF_PATHS.test(path);

export const HfErrorSchema = z
  .object({ error: z.string().openapi({ example: "serve: paper 2401.99999 not found" }) })
  .openapi("HfError", { description: "Hugging Face's error body: the message alone" });

const hfErrorContent = (description: string) => ({ description, content: { "application/json": { schema: HfErrorSchema } } });

/** The error responses of the Hugging Face-compatible routes, for their `responses`. */
export const hfErrorResponses = {
  400: hfErrorContent("A parameter is invalid; the message names it"),
  500: hfErrorContent("Server-side failure; details are only in the server log"),
} as const;

export const hfPaperErrorResponses = {
  404: hfErrorContent("No such paper: the id is unknown, or is not an arXiv id at all"),
  503: hfErrorContent("arXiv could not be reached to fetch a paper not stored yet; try again in a few minutes"),
  ...hfErrorResponses,
} as const;

/** The request's paper, as `paperOfRequest` finds it, except that a malformed id is a 404 too. */
export async function hfPaperOfRequest(deps: ApiDeps, c: Context, raw?: string): Promise<Paper> {
  try {
    return await paperOfRequest(deps, c, raw);
  } catch (error) {
    if (isPaperfeedError(error) && error.id === "bad_arxiv_id") throw new PaperfeedError("serve", "paper_not_found", `no such paper: ${error.message.replace(/^core: /, "")}`, 404);
    throw error;
  }
}
