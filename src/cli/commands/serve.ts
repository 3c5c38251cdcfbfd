import { examples, type RegisterCommand } from "../command.js";
import { configOf } from "../config-options.js";
import { untilStopSignal } from "../stop-signal.js";

export const registerServe: RegisterCommand = (program) => {
  const command = program
    .command("serve")
    .description("run the web site and HTTP API (an empty database gets the demo papers unless --no-demo)")
    .action(async (_options: object, self) => {
      const config = configOf(self);
      const { startServer } = await import("../../serve/server.js");
      // Listen before starting: a signal during the demo import then stops the server once it is up.
      const stopSignal = untilStopSignal();
      // Account mail (verification, password reset) is queued in the outbox by the server itself.
      const server = await startServer(config);
      process.stdout.write(`paperfeed is listening on ${server.url}  (Ctrl-C stops it)\n`);
      const signal = await stopSignal;
      process.stdout.write(`${signal}: stopping…\n`);
      await server.close();
    });
  examples(command, [
    "serve",
    "serve --db papers.db --port 3000",
    "serve --host 0.0.0.0 --base-url https://papers.example.org --no-demo",
  ]);
};
