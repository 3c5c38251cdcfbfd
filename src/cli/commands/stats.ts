import type { DayCount, StoreStats } from "../../store/types.js";
import { examples, type RegisterCommand } from "../command.js";
import { configOf } from "../config-options.js";
import { withStore } from "../open.js";
import { indexStatus, type IndexStatus } from "../index-status.js";

export const registerStats: RegisterCommand = (program) => {
  const command = program
    .command("stats")
    .description("what the database holds: papers, days, top categories, search index status")
    .option("--json", "print one JSON document")
    .action(async (options: { json?: boolean }, self) => {
      const config = configOf(self);
      await withStore(config, async (store) => {
        const stats = await store.stats();
        const recentDays = await store.announcedDays({ limit: RECENT_DAYS });
        const index = indexStatus(config, stats);
        process.stdout.write(
          options.json
            ? `${JSON.stringify({ ...stats, recentDays, index }, null, 2)}\n`
            : formatStats(stats, recentDays, index),
        );
      });
    });
  examples(command, ["stats --db papers.db", "stats --json | jq .categories"]);
};

/** Latest announcement days shown with their paper counts. */
const RECENT_DAYS = 5;

function formatStats(stats: StoreStats, recentDays: DayCount[], index: IndexStatus): string {
  const recent = recentDays.map((d) => `${d.day} (${d.count.toLocaleString("en-US")})`).join(", ");
  const days = stats.firstDay ? `${stats.firstDay} … ${stats.lastDay}; latest: ${recent}` : "none";
  const lines = [
    `database    ${stats.backend} ${stats.location}`,
    `papers      ${stats.papers.toLocaleString("en-US")}`,
    `days        ${days}`,
    `index       ${index.summary}`,
  ];
  if (stats.categories.length > 0) {
    lines.push("top categories");
    const width = Math.max(...stats.categories.map((c) => c.category.length));
    for (const { category, count } of stats.categories) {
      lines.push(`  ${category.padEnd(width)}  ${count.toLocaleString("en-US").padStart(9)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
