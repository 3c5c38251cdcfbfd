/**
 * `get_paper` (one paper's full record with its community counts) and the paper resources:
 * `paperfeed://papers/{id}.md`, the paper as Markdown (src/serve/present/paper-markdown.ts).
 */
import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { communityFacts } from "../api/community/facts.js";
import { paperMarkdown } from "../present/paper-markdown.js";
import type { McpDeps } from "./deps.js";
import { requirePaper } from "./papers.js";
import { answer, paperSummary, paperUri } from "./present.js";

/** Papers the resource list offers: the newest day's, so a client can browse without knowing an id. */
const LISTED = 50;

export function registerPaperTools(server: McpServer, deps: McpDeps): void {
  server.registerTool(
    "get_paper",
    {
      title: "Get a paper",
      description:
        "One paper's full record: title, authors, abstract, categories, dates, arXiv comments, journal reference, DOI, licence, code links, and the community's upvotes and comment count. Read the paperfeed://papers/{id}.md resource for the comments' text.",
      inputSchema: { id: z.string().max(100).describe("arXiv id in any form: 2401.01234, 2401.01234v2, hep-th/9901001, an arXiv URL") },
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    ({ id }) =>
      answer(deps.log, async () => {
        const paper = await requirePaper(deps, id);
        const facts = (await communityFacts(deps.community, [paper])).get(paper.id)!;
        const { url, arxivUrl, markdown, upvotes, comments } = paperSummary(paper, facts, deps.baseUrl);
        return { paper, url, arxivUrl, markdown, upvotes, comments, submittedBy: facts.submittedBy?.name ?? null };
      }),
  );

  server.registerResource(
    "paper",
    new ResourceTemplate("paperfeed://papers/{+id}.md", {
      list: async () => {
        const [newest] = await deps.store.announcedDays({ limit: 1 });
        const papers = newest ? await deps.store.listAnnounced(newest.day, newest.day, { limit: LISTED }) : [];
        return { resources: papers.map((p) => ({ uri: paperUri(p.id), name: p.id, title: p.title, mimeType: "text/markdown" })) };
      },
    }),
    {
      title: "Paper as Markdown",
      description: "A paper as Markdown: front matter (title, authors, ids, dates, links), the abstract and the community's comments.",
      mimeType: "text/markdown",
    },
    async (uri, { id }) => {
      const paper = await requirePaper(deps, String(id));
      const comments = await (await deps.community()).listComments(paper.id);
      return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: paperMarkdown(paper, { baseUrl: deps.baseUrl, comments }) }] };
    },
  );
}
