/**
 * `GET /api/whoami-v2` — who an API token belongs to, in Hugging Face's shape (its clients call
 * this to check a token before writing). Needs `Authorization: Bearer pf_…`.
 */
import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { HfErrorSchema, hfErrorResponses } from "../hf/errors.js";
import { apiToken, type ApiTokenDeps, type ApiTokenEnv } from "../../middleware/api-token.js";

export const WhoAmISchema = z
  .object({
    type: z.literal("user"),
    id: z.string(),
    name: z.string().openapi({ description: "The account's URL-safe username" }),
    fullname: z.string().openapi({ description: "Its display name" }),
    email: z.string(),
    emailVerified: z.boolean(),
    isPro: z.boolean(),
    avatarUrl: z.string(),
    orgs: z.array(z.object({ name: z.string() })).openapi({ description: "Always empty: paperfeed has no organisations" }),
    auth: z.object({
      type: z.literal("access_token"),
      accessToken: z.object({ displayName: z.string(), role: z.literal("write"), createdAt: z.string() }),
    }),
  })
  .openapi("WhoAmI");

const route = createRoute({
  method: "get",
  path: "/api/whoami-v2",
  operationId: "whoAmI",
  tags: ["API tokens"],
  summary: "The account an API token belongs to (Hugging Face shape)",
  security: [{ bearer: [] }],
  responses: {
    200: { description: "The token's account", content: { "application/json": { schema: WhoAmISchema } } },
    401: { description: "No token, or not a valid one", content: { "application/json": { schema: HfErrorSchema } } },
    ...hfErrorResponses,
  },
});

export function mountWhoAmI(api: OpenAPIHono, deps: ApiTokenDeps): void {
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", description: "An API token, pf_…" });
  api.use(route.path, apiToken(deps, { required: true }));
  api.openapi(route, (c) => {
    const { user, token } = (c as unknown as { get(key: "apiOwner"): NonNullable<ApiTokenEnv["Variables"]["apiOwner"]> }).get("apiOwner");
    return c.json(
      {
        type: "user" as const,
        id: String(user.id),
        name: user.username,
        fullname: user.displayName,
        email: user.email,
        emailVerified: Boolean(user.emailVerifiedAt),
        isPro: false,
        avatarUrl: "",
        orgs: [],
        auth: { type: "access_token" as const, accessToken: { displayName: token.name, role: "write" as const, createdAt: token.createdAt } },
      },
      200,
    );
  });
}
