/**
 * `paperfeed migrate --from FILE.db --to postgres://…`: moves an instance from its SQLite file to
 * PostgreSQL (papers, change log, accounts, votes, comments, collections, subscribers, outbox,
 * tokens, follows, stars, thumbnails…) in one transaction, then proves the copy by reading it back:
 * one line per table with its row counts and checksums. Exit 0 only when every table is equal.
 */
import type { Command } from "commander";
import type { CopyReport } from "../../store/transfer/copy-to-postgres.js";
import type { CliRun, RegisterCommand } from "../command.js";
import { examples } from "../command.js";
import { usageError } from "../usage-error.js";

export const registerMigrate: RegisterCommand = (program, run: CliRun) => {
  const command = program
    .command("migrate")
    .description("move an instance from its SQLite file to PostgreSQL, then check every table's rows and checksum")
    .requiredOption("--from <file>", "the SQLite database to copy (stop the server using it first)")
    .requiredOption("--to <url>", "the PostgreSQL database, postgres://user[:password]@host[:port]/database (empty)")
    .option("--schema <name>", "PostgreSQL schema to fill (created if missing; letters, digits, _)")
    .action(async (options: { from: string; to: string; schema?: string }, _self: Command) => {
      if (!/^postgres(ql)?:\/\//i.test(options.to)) throw usageError(`--to must be a postgres:// URL, got "${options.to}"`);
      const { copySqliteToPostgres } = await import("../../store/transfer/copy-to-postgres.js");
      const started = Date.now();
      let shown = 0;
      const report = await copySqliteToPostgres({
        from: options.from,
        to: options.to,
        ...(options.schema ? { schema: options.schema } : {}),
        onProgress: (table, rows, done) => {
          // A line per table, and one per 100,000 rows of a large one.
          if ((done && rows > 0) || rows - shown >= 100_000) process.stderr.write(`copy ${table}: ${rows.toLocaleString("en-US")} rows${done ? "" : "…"}\n`);
          shown = done ? 0 : rows - (rows % 100_000);
        },
      });
      process.stdout.write(formatReport(report, (Date.now() - started) / 1000));
      if (!report.equal) run.exitCode = 1;
    });
  examples(command, [
    "migrate --from data/paperfeed.db --to postgres://paperfeed@db.internal/paperfeed",
    "migrate --from papers.db --to postgres://postgres@127.0.0.1/test --schema paperfeed",
  ]);
};

export function formatReport(report: CopyReport, seconds: number): string {
  const width = Math.max(...report.tables.map((t) => t.table.length), 5);
  const lines = [`${report.source} → ${report.target}`, `${"table".padEnd(width)}  ${"source rows".padStart(11)}  ${"target rows".padStart(11)}  checksum                          `];
  for (const t of report.tables) {
    const same = t.sourceRows === t.targetRows && t.sourceChecksum === t.targetChecksum;
    const mark = same ? "equal" : `DIFFERS (target ${t.targetChecksum})`;
    lines.push(
      `${t.table.padEnd(width)}  ${t.sourceRows.toLocaleString("en-US").padStart(11)}  ${t.targetRows.toLocaleString("en-US").padStart(11)}  ${t.sourceChecksum}  ${mark}${t.derived ? " (rebuilt by the target)" : ""}`,
    );
  }
  const rows = report.tables.filter((t) => !t.derived).reduce((n, t) => n + t.sourceRows, 0);
  lines.push(
    report.equal
      ? `moved ${rows.toLocaleString("en-US")} rows in ${report.tables.length} tables in ${seconds.toFixed(1)} s; every count and checksum is equal`
      : `the copy differs from its source in ${report.tables.filter((t) => t.sourceRows !== t.targetRows || t.sourceChecksum !== t.targetChecksum).map((t) => t.table).join(", ")}`,
  );
  return `${lines.join("\n")}\n`;
}
