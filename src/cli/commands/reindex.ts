import { examples, type RegisterCommand } from "../command.js";
import { configOf } from "../config-options.js";
import { withLiveIndex } from "../open.js";

export const registerReindex: RegisterCommand = (program) => {
  const command = program
    .command("reindex")
    .description("rebuild the search index from the papers in the store")
    .action(async (_options: object, self) => {
      const config = configOf(self);
      const started = performance.now();
      await withLiveIndex(config, async (index) => {
        // Opening already rebuilt a missing or stale index; once is enough.
        if (index.openedFrom !== "rebuild") await index.rebuild();
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        process.stdout.write(
          `reindexed ${index.engine.size} papers into ${config.indexDir} in ${seconds} s\n`,
        );
      });
    });
  examples(command, ["reindex --db papers.db"]);
};
