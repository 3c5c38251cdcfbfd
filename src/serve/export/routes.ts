/**
 * `GET /export?list=paper|search|day&format=bib|ris|csl&…` — any list as a BibTeX, RIS or
 * CSL-JSON file (lists.ts says which parameters each list takes). Bad parameters are a 400 page
 * naming them, through the app's error handler.
 */
import type { Hono } from "hono";
import { toBibtex } from "./bibtex.js";
import { toCslJson } from "./csl.js";
import { type ExportDeps, exportList } from "./lists.js";
import { toRis } from "./ris.js";

export const EXPORT_FORMATS = {
  bib: { extension: "bib", type: "application/x-bibtex; charset=utf-8", render: toBibtex },
  ris: { extension: "ris", type: "application/x-research-info-systems; charset=utf-8", render: toRis },
  csl: { extension: "json", type: "application/vnd.citationstyles.csl+json; charset=utf-8", render: toCslJson },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** The export address of a page's list: its own query (page and format dropped) plus list and format. */
export function exportHref(list: "paper" | "search" | "day", format: ExportFormat, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams({ list });
  for (const [name, value] of Object.entries(params)) if (value && name !== "page" && name !== "format") query.set(name, value);
  query.set("format", format);
  return `/export?${query}`;
}

export function mountExport(app: Hono, deps: ExportDeps): void {
  app.get("/export", async (c) => {
    const query = c.req.query();
    const list = await exportList(deps, query);
    const format = EXPORT_FORMATS[query.format as ExportFormat];
    return c.body(format.render(list.papers), 200, {
      "content-type": format.type,
      "content-disposition": `inline; filename="paperfeed-${list.name}.${format.extension}"`,
    });
  });
}
