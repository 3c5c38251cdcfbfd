import { examples, type RegisterCommand } from "../command.js";
import { configOf } from "../config-options.js";
import { withLiveIndex } from "../open.js";
import { untilStopSignal } from "../stop-signal.js";

/** Resolves when the client closes our stdin: an MCP client ends a stdio server that way. */
const untilStdinEnds = () => new Promise<string>((resolve) => process.stdin.once("end", () => resolve("stdin closed")));

export const registerMcp: RegisterCommand = (program) => {
  const command = program
    .command("mcp")
    .description("serve the papers to an AI assistant over MCP on stdin/stdout (serve also answers MCP at /mcp)")
    .action(async (_options: object, self) => {
      const config = configOf(self);
      const stop = Promise.race([untilStopSignal(), untilStdinEnds()]);
      const [{ StdioServerTransport }, { createMcpServer }, { mcpDeps }, { openCommunityStore }, { createPaperFetcher }] = await Promise.all([
        import("@modelcontextprotocol/sdk/server/stdio.js"),
        import("../../serve/mcp/server.js"),
        import("../../serve/mcp/deps.js"),
        import("../../store/open-community.js"),
        import("../../ingest/arxiv-api/index.js"),
      ]);
      // stdout carries the protocol: every note goes to stderr.
      const log = (line: string) => process.stderr.write(`${line}\n`);
      await withLiveIndex(config, async (index, store) => {
        // Opened on first use; `as` keeps TypeScript from deciding it is still null in `finally`.
        let community = null as ReturnType<typeof openCommunityStore> | null;
        const fetchPaper = createPaperFetcher({ config, log }) ?? undefined;
        const server = createMcpServer(
          mcpDeps({ store, search: index.engine, config, fetchPaper, log, community: () => (community ??= openCommunityStore({ path: config.db, url: config.databaseUrl ?? undefined })) }),
        );
        try {
          await server.connect(new StdioServerTransport());
          log(`paperfeed mcp: ${index.engine.size} papers searchable; speaking MCP on stdin/stdout`);
          await stop;
        } finally {
          await server.close();
          if (community) await (await community).close();
        }
      });
    });
  examples(command, ["mcp --db papers.db", "mcp --db papers.db --arxiv-api-url off"]);
};
