import { examples, type RegisterCommand } from "../command.js";
import { configOf } from "../config-options.js";

/** Signals that end `serve` cleanly: Ctrl-C in a terminal, and what service managers send. */
const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

export const registerServe: RegisterCommand = (program) => {
  const command = program
    .command("serve")
    .description("run the web site and HTTP API (an empty database gets the demo papers unless --no-demo)")
    .action(async (_options: object, self) => {
      const config = configOf(self);
      const { startServer } = await import("../../serve/server.js");
      const server = await startServer(config);
      process.stdout.write(`paperfeed is listening on ${server.url}  (Ctrl-C stops it)\n`);
      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        for (const name of STOP_SIGNALS) process.once(name, () => resolve(name));
      });
      process.stdout.write(`${signal}: stopping…\n`);
      await server.close();
    });
  examples(command, [
    "serve",
    "serve --db papers.db --port 3000",
    "PAPERFEED_HOST=0.0.0.0 PAPERFEED_BASE_URL=https://papers.example.org serve",
  ]);
};
