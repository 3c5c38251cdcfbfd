/**
 * MCP over streamable HTTP at `/mcp`, stateless: every POST gets a fresh server and transport
 * (the SDK's stateless pattern), answered as JSON, so any node of a scaled-out instance can take
 * any request and nothing is kept between them. GET (a server-sent event stream) and DELETE
 * (ending a session) have no meaning without sessions: 405, as the transport's specification says.
 */
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { Hono } from "hono";
import type { McpDeps } from "./deps.js";
import { createMcpServer } from "./server.js";

export const MCP_PATH = "/mcp";

const notAllowed = () =>
  Response.json(
    { jsonrpc: "2.0", error: { code: -32000, message: "this MCP endpoint is stateless: send JSON-RPC requests with POST" }, id: null },
    { status: 405, headers: { Allow: "POST" } },
  );

export function mountMcp(app: Hono, deps: () => McpDeps): void {
  app.post(MCP_PATH, async (c) => {
    const server = createMcpServer(deps());
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      // With JSON responses the answer is complete once handleRequest returns.
      await server.close();
    }
  });
  app.on(["GET", "DELETE"], MCP_PATH, notAllowed);
}
