/**
 * The digest benchmark's SMTP server, in a process of its own so that receiving does not take
 * CPU time from the sender being measured: prints "port N", then on "report" (stdin) prints the
 * number of messages accepted and of distinct Message-IDs as JSON.
 */
import readline from "node:readline";
import { startSmtpSink } from "../src/deliver/testing/smtp-sink.js";

const ids = new Set<string>();
let accepted = 0;
const sink = await startSmtpSink({ parse: false, onMessageId: (id) => (accepted++, ids.add(id)) });
process.stdout.write(`port ${new URL(sink.url).port}\n`);
for await (const line of readline.createInterface({ input: process.stdin })) {
  if (line.trim() === "report") process.stdout.write(`${JSON.stringify({ accepted, distinct: ids.size })}\n`);
}
await sink.close();
