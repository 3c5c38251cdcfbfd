/**
 * The API's error body and its validation hook. Every failure reaches the client through the
 * app's one error handler (middleware/errors.tsx) as `{error: {id, message}}`; request validation
 * failures become a 400 `invalid_parameter` whose message names each bad parameter.
 */
import type { Hook } from "@hono/zod-openapi";
import type { Env } from "hono";
import { z } from "@hono/zod-openapi";
import { PaperfeedError } from "../../../core/errors.js";

export const ErrorSchema = z
  .object({
    error: z.object({
      id: z.string().openapi({ description: "Stable machine-readable id", example: "paper_not_found" }),
      message: z.string().openapi({ example: "serve: paper 2401.99999 not found" }),
    }),
  })
  .openapi("Error");

export const errorContent = (description: string) => ({ description, content: { "application/json": { schema: ErrorSchema } } });

/** The error responses every route can give, for its `responses`. */
export const errorResponses = {
  400: errorContent("A parameter is invalid; the message names it (id `invalid_parameter`, `bad_arxiv_id`, `bad_period`)"),
  500: errorContent("Server-side failure; details are only in the server log"),
} as const;

export const notFoundResponse = { 404: errorContent("No such paper or day") } as const;

/** For routes that fetch a paper the store lacks from arXiv (when the site may). */
export const arxivUnavailableResponse = {
  503: errorContent("arXiv could not be reached to fetch a paper not stored yet (id `arxiv_unavailable`, `arxiv_busy` or `arxiv_slow`); try again in a few minutes"),
} as const;

/** "limit: Too small…; from: expected YYYY…" — one clause per bad parameter. */
export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues.map((i) => `${i.path.map(String).join(".") || "request"}: ${i.message}`).join("; ");
}

export const invalidParameters = (issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) =>
  new PaperfeedError("serve", "invalid_parameter", `invalid parameters: ${describeIssues(issues)}`, 400);

/** OpenAPIHono's hook: a failed validation is thrown, so the app's error handler answers. */
export const validationHook: Hook<unknown, Env, string, unknown> = (result) => {
  if (!result.success) throw invalidParameters(result.error.issues);
};
