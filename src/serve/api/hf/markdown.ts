/**
 * `GET /papers/{id}.md` — a paper page as Markdown, as huggingface.co serves it to
 * `hf papers read ID` and huggingface_hub's `read_paper()`: YAML front matter (title, authors,
 * ids, links, counts), the abstract, and the community's visible comments, oldest first.
 * Strings in the front matter are JSON strings, which YAML reads as they are, so no title or
 * name can break it.
 */
import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { absUrl, pdfUrl } from "../../../core/arxiv-id.js";
import type { Paper } from "../../../core/paper.js";
import type { Comment } from "../../../store/community-types.js";
import { thumbnailViews } from "../../web/present/thumbnails.js";
import { type CommunityFacts, communityFacts } from "../community/facts.js";
import { PaperIdParam } from "../common/paper-id.js";
import type { ApiDeps } from "../deps.js";
import { hfPaperErrorResponses, hfPaperOfRequest } from "./errors.js";
import { isoTime } from "./present.js";

const route = createRoute({
  method: "get",
  path: "/papers/{id}.md",
  operationId: "hfReadPaper",
  tags: ["Hugging Face compatible"],
  summary: "A paper page as Markdown (Hugging Face's `hf papers read`)",
  security: [],
  request: { params: PaperIdParam },
  responses: {
    200: {
      description: "Front matter (title, authors, ids, links), the abstract, the community's comments",
      content: { "text/markdown": { schema: z.string() } },
    },
    ...hfPaperErrorResponses,
  },
});

const yamlString = (s: string) => JSON.stringify(s);

interface MarkdownInput {
  paper: Paper;
  facts: CommunityFacts;
  comments: readonly Comment[];
  /** Absolute URLs of the paper's page here, and of its thumbnail when there is one. */
  page: string;
  thumbnail?: string | undefined;
}

function frontMatter({ paper, facts, comments, page, thumbnail }: MarkdownInput): string[] {
  const links: Array<[string, string]> = [["page", page], ["arxiv", absUrl(paper.id)], ["pdf", pdfUrl(paper.id)]];
  for (const link of paper.codeLinks) links.push([link.kind, link.url]);
  if (paper.doi) links.push(["doi", `https://doi.org/${paper.doi}`]);
  if (thumbnail) links.push(["thumbnail", thumbnail]);
  return [
    "---",
    `title: ${yamlString(paper.title)}`,
    "authors:",
    ...paper.authors.map((a) => `  - ${yamlString(a.name)}`),
    "ids:",
    `  arxiv: ${yamlString(paper.id)}`,
    `  version: ${paper.version}`,
    ...(paper.doi ? [`  doi: ${yamlString(paper.doi)}`] : []),
    `published: ${yamlString(isoTime(paper.submitted ?? paper.announced))}`,
    `announced: ${yamlString(paper.announced)}`,
    `categories: [${paper.categories.map(yamlString).join(", ")}]`,
    "links:",
    // A kind may repeat (two GitHub links): the later ones get a number, so keys stay unique.
    ...links.map(([kind, url], i) => `  ${links.findIndex(([k]) => k === kind) === i ? kind : `${kind}-${i}`}: ${yamlString(url)}`),
    `upvotes: ${facts.upvotes}`,
    // The comments below, not the activity counter (which still counts ones hidden since).
    `comments: ${comments.filter((m) => !m.deleted).length}`,
    "---",
  ];
}

function commentLines(comments: readonly Comment[]): string[] {
  if (comments.length === 0) return ["No comments yet."];
  const byId = new Map(comments.map((m) => [m.id, m]));
  return comments.flatMap((m) => {
    const parent = m.parentId === null ? undefined : byId.get(m.parentId);
    const heading = `### ${m.authorName} (@${m.authorUsername}) · ${m.createdAt.slice(0, 10)}${parent ? ` · replying to ${parent.authorName}` : ""}`;
    return [heading, "", m.deleted ? "_(deleted)_" : m.body, ""];
  });
}

export function paperMarkdown(input: MarkdownInput): string {
  const { paper } = input;
  const lines = [
    ...frontMatter(input),
    "",
    `# ${paper.title}`,
    "",
    paper.authors.map((a) => a.name).join(", "),
    "",
    "## Abstract",
    "",
    paper.abstract,
    "",
    "## Comments",
    "",
    ...commentLines(input.comments),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}

export function mountPaperMarkdown(api: OpenAPIHono, deps: ApiDeps): void {
  api.openAPIRegistry.registerPath(route);
  // Old-style ids hold a slash (hep-th/9901001), so the parameter takes the rest of the path.
  api.get("/papers/:file{.+\\.md}", async (c) => {
    const paper = await hfPaperOfRequest(deps, c, c.req.param("file").slice(0, -".md".length));
    const [facts, community, thumbnails] = await Promise.all([
      communityFacts(deps.community, [paper]),
      deps.community(),
      thumbnailViews(deps, [paper.id]),
    ]);
    const origin = new URL(c.req.url).origin;
    const view = thumbnails?.get(paper.id);
    const markdown = paperMarkdown({
      paper,
      facts: facts.get(paper.id)!,
      comments: (await community.listComments(paper.id)).filter((m) => !m.hiddenAt),
      page: `${origin}/papers/${paper.id}`,
      thumbnail: view ? `${origin}${view.src}` : undefined,
    });
    return c.body(markdown, 200, { "content-type": "text/markdown; charset=utf-8" });
  });
}
