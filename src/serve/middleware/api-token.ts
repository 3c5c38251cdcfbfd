/**
 * API tokens on requests: reads `Authorization: Bearer pf_…`, and puts the token and its account
 * in `c.get("apiOwner")` for the handlers after it. `required` routes answer 401 without a valid
 * token; on other routes a request without one goes on as anonymous. A presented token that is
 * malformed, unknown or revoked is always a 401 (never silently anonymous), with the same message
 * whatever the reason, so the answer does not tell a guesser which tokens exist.
 */
import type { MiddlewareHandler } from "hono";
import { type TokenOwner, authenticateToken } from "../../actions/api-tokens.js";
import { PaperfeedError } from "../../core/errors.js";
import type { ApiTokenStore } from "../../store/api-token-types.js";
import type { CommunityStore } from "../../store/community-types.js";

export interface ApiTokenDeps {
  tokens: () => Promise<ApiTokenStore>;
  community: () => Promise<CommunityStore>;
}

export type ApiTokenEnv = { Variables: { apiOwner: TokenOwner | null } };

const unauthorized = (why: string) =>
  new PaperfeedError("serve", "unauthorized", `${why}: send "Authorization: Bearer pf_…" with a valid API token (paperfeed token create --email …)`, 401);

export function apiToken(deps: ApiTokenDeps, options: { required: boolean }): MiddlewareHandler<ApiTokenEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    if (!header) {
      if (options.required) {
        c.header("WWW-Authenticate", 'Bearer realm="paperfeed"');
        throw unauthorized("this needs an API token");
      }
      c.set("apiOwner", null);
      return next();
    }
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? "";
    const owner = presented ? await authenticateToken({ tokens: await deps.tokens(), community: await deps.community() }, presented) : null;
    if (!owner) {
      c.header("WWW-Authenticate", 'Bearer realm="paperfeed", error="invalid_token"');
      throw unauthorized("the API token is not valid");
    }
    c.set("apiOwner", owner);
    return next();
  };
}
