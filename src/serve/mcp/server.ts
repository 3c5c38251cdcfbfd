/**
 * paperfeed as an MCP server, for AI assistants: tools to search, read, list and rank papers and
 * a Markdown resource per paper. `paperfeed mcp` carries it over stdio, `serve` over streamable
 * HTTP at /mcp (http.ts); both build it from the same deps (deps.ts).
 */
import { createRequire } from "node:module";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { McpDeps } from "./deps.js";
import { registerListTools } from "./list-tools.js";
import { registerPaperTools } from "./paper-tools.js";
import { registerSearchTools } from "./search-tools.js";

const { version } = createRequire(import.meta.url)("../../../package.json") as { version: string };

const INSTRUCTIONS = `paperfeed: arXiv papers with daily lists, trending and community comments.
Use search_papers to find papers (it has a query language: phrases, +/-, ti: au: abs: cat: id:, dates, sort),
get_paper for one paper's record, daily_papers for a day/week/month, trending for what is popular now,
and read paperfeed://papers/{id}.md for a paper with its comments as Markdown.`;

export function createMcpServer(deps: McpDeps): McpServer {
  const server = new McpServer({ name: "paperfeed", title: "paperfeed", version }, { instructions: INSTRUCTIONS });
  registerSearchTools(server, deps);
  registerPaperTools(server, deps);
  registerListTools(server, deps);
  return server;
}
