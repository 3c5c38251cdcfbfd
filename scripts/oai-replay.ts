/**
 * A local OAI-PMH endpoint for trying `paperfeed harvest` by hand: serves arXiv's recorded
 * ListRecords response paged with resumption tokens (3 pages, 7 papers and 1 deletion), answers
 * the first request for page 2 with arXiv's recorded 503 and `Retry-After: 2`, and prints each
 * request with the seconds since the previous one. Listens on 127.0.0.1 only; Ctrl-C stops it.
 *
 *   node --import tsx scripts/oai-replay.ts
 *   paperfeed harvest --arxiv-oai-url <printed endpoint> --from 2014-10-01 --until 2015-01-06 --db harvest-try.db
 */
import { startOaiReplay } from "../src/ingest/harvest/testing/oai-replay.js";

let last: number | null = null;
const server = await startOaiReplay({
  busyOnce: true,
  override: (query) => {
    const now = Date.now();
    const gap = last === null ? "" : ` (+${((now - last) / 1000).toFixed(2)} s)`;
    last = now;
    process.stdout.write(`${new Date(now).toISOString()} GET ?${query.toString()}${gap}\n`);
    return null;
  },
});
process.stdout.write(`OAI-PMH endpoint: ${server.endpoint}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
