/**
 * What the write endpoints share. They take API tokens only, never the session cookie, so a
 * browser cannot be made to send them from another site: that is why they need no CSRF token.
 */
import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { CommunityContext } from "../../../actions/community/context.js";
import type { User } from "../../../store/community-types.js";
import type { ApiTokenEnv } from "../../middleware/api-token.js";
import { arxivUnavailableResponse, errorContent, errorResponses, invalidParameters } from "../common/errors.js";
import type { ApiDeps } from "../deps.js";

export const tags = ["Community writes"];
export const json = <T>(schema: T) => ({ "application/json": { schema } });
export const security = [{ bearer: [] }];

/** The failures a write can answer with, besides the 400 / 500 every route has. */
export const writeErrors = {
  ...errorResponses,
  401: errorContent("No token, or not a valid one (id `unauthorized`)"),
  403: errorContent("The token's owner may not do this (id `forbidden`)"),
  404: errorContent("No such paper, comment or collection"),
  429: errorContent("Too many writes for now (id `rate_limited` or `daily_cap`)"),
  ...arxivUnavailableResponse,
} as const;

export const conflict = (what: string) => ({
  409: errorContent(`${what} (id \`already_submitted\` / \`already_collected\`)`),
});

/** The token's owner; the routes mount `apiToken(…, {required: true})` first, so there always is one. */
export const ownerOf = (c: Context): User => (c as unknown as Context<ApiTokenEnv>).get("apiOwner")!.user;

/** As the pages: a paper not stored is fetched from arXiv when the app has a fetcher (404 otherwise). */
export const contextOf = async (deps: ApiDeps): Promise<CommunityContext> => ({
  community: await deps.community(),
  store: deps.store,
  ...(deps.fetchPaper ? { fetchPaper: deps.fetchPaper } : {}),
});

/** The JSON body checked by `schema`, for routes OpenAPIHono cannot validate (ids with a slash); 400 otherwise. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await c.req.text();
  let raw: unknown = {}; // an empty body is `{}`: a vote without one toggles
  try {
    if (text.trim()) raw = JSON.parse(text);
  } catch {
    throw invalidParameters([{ path: ["body"], message: "not valid JSON" }]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidParameters(parsed.error.issues);
  return parsed.data;
}
