/**
 * Run as a child process by persist/damage.test.ts: loads the index in argv[2] without checking
 * checksums (as if the damage came after the check) and runs the queries in argv[3] (JSON), one
 * line per answer on stdout. A query that never returns shows as a child killed at its timeout.
 */
import { Engine } from "../engine.js";
import { loadIndex } from "../persist/load.js";

const [dir, queries] = [process.argv[2]!, JSON.parse(process.argv[3]!) as string[]];
const engine = new Engine();
const loaded = loadIndex(dir, engine.params, { checksums: false });
if (!loaded.ok) {
  process.stdout.write(`refused: ${loaded.reason}\n`);
} else {
  engine.segments.reset(loaded.segments);
  for (const q of queries) {
    process.stdout.write(`${q}: `);
    try {
      const result = engine.search({ q, limit: 10 });
      process.stdout.write(`${result.total}\n`);
    } catch (e) {
      process.stdout.write(`threw ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
}
