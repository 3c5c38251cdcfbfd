/**
 * `GET /export?list=paper|search|day&format=bib|ris|csl&…` — any list as a BibTeX, RIS or
 * CSL-JSON file (lists.ts says which parameters each list takes). Bad parameters are a 400 page
 * naming them, through the app's error handler.
 */
import type { Context, Hono } from "hono";
import { getCookie } from "hono/cookie";
import { sessionUser } from "../../actions/accounts/accounts.js";
import type { CommunityStore, User } from "../../store/community-types.js";
import type { SearchEngine } from "../../search/types.js";
import type { Store } from "../../store/types.js";
import { type StoreSources, lazyStores } from "../api/stores.js";
import { type ApiTokenEnv, apiToken } from "../middleware/api-token.js";
import { SESSION_COOKIE } from "../middleware/session.js";
import { toBibtex } from "./bibtex.js";
import { toCslJson } from "./csl.js";
import { exportList } from "./lists.js";
import { toRis } from "./ris.js";

export const EXPORT_FORMATS = {
  bib: { extension: "bib", type: "application/x-bibtex; charset=utf-8", render: toBibtex },
  ris: { extension: "ris", type: "application/x-research-info-systems; charset=utf-8", render: toRis },
  csl: { extension: "json", type: "application/vnd.citationstyles.csl+json; charset=utf-8", render: toCslJson },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** The export address of a page's list: its own query (page and format dropped) plus list and format. */
export function exportHref(list: "paper" | "search" | "day" | "collection", format: ExportFormat, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams({ list });
  for (const [name, value] of Object.entries(params)) if (value && name !== "page" && name !== "format") query.set(name, value);
  query.set("format", format);
  return `/export?${query}`;
}

/** Who asks: the API token's owner, else the signed-in member (a private collection, my upvotes). */
async function viewerOf(c: Context, community: () => Promise<CommunityStore>): Promise<User | null> {
  const owner = (c as unknown as Context<ApiTokenEnv>).get("apiOwner");
  if (owner) return owner.user;
  const session = getCookie(c, SESSION_COOKIE);
  return session ? sessionUser({ community: await community(), mailer: null, baseUrl: "" }, session) : null;
}

export function mountExport(app: Hono, deps: StoreSources & { store: Store; search: SearchEngine }): void {
  const stores = lazyStores(deps);
  app.use("/export", apiToken(stores, { required: false }));
  app.get("/export", async (c) => {
    const query = c.req.query();
    const list = await exportList({ store: deps.store, search: deps.search, community: stores.community }, query, await viewerOf(c, stores.community));
    const format = EXPORT_FORMATS[query.format as ExportFormat];
    return c.body(format.render(list.papers), 200, {
      "content-type": format.type,
      "content-disposition": `inline; filename="paperfeed-${list.name}.${format.extension}"`,
    });
  });
}
