/**
 * How tools answer: a JSON document, as text (what every MCP client shows) and as
 * `structuredContent` (what a client can read without parsing). A failure the caller can act on
 * (bad id, bad period, paper not found) is a tool error with our message; anything else is
 * logged and reported without its details.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { isPaperfeedError, messageOf } from "../../core/errors.js";
import type { Paper } from "../../core/paper.js";
import type { CommunityFacts } from "../api/community/facts.js";

export function jsonResult(value: Record<string, unknown>): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(value, null, 2) }], structuredContent: value };
}

export function errorResult(error: unknown, log: (line: string) => void): CallToolResult {
  const shown = isPaperfeedError(error) && (error.status < 500 || error.visible);
  if (!shown) log(`mcp: ${messageOf(error)}`);
  const text = shown ? error.message : "internal error: the server could not answer (its log has the details)";
  return { content: [{ type: "text", text }], isError: true };
}

/** Runs a tool's work, turning a thrown error into a tool error. */
export async function answer(log: (line: string) => void, work: () => Promise<Record<string, unknown>>): Promise<CallToolResult> {
  try {
    return jsonResult(await work());
  } catch (error) {
    return errorResult(error, log);
  }
}

export const paperUri = (id: string) => `paperfeed://papers/${id}.md`;

/** A paper as a list item: enough to decide whether to read it, with the links to do so. */
export function paperSummary(paper: Paper, facts: CommunityFacts, baseUrl: string) {
  return {
    id: paper.id,
    title: paper.title,
    authors: paper.authors.map((a) => a.name),
    categories: paper.categories,
    announced: paper.announced,
    abstract: paper.abstract,
    url: `${baseUrl.replace(/\/+$/, "")}/papers/${paper.id}`,
    arxivUrl: `https://arxiv.org/abs/${paper.id}`,
    markdown: paperUri(paper.id),
    codeLinks: paper.codeLinks.map((l) => l.url),
    upvotes: facts.upvotes,
    comments: facts.comments,
  };
}
