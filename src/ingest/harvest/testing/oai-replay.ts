/**
 * An OAI-PMH endpoint on loopback for harvest tests and trial runs: it pages the recorded
 * ListRecords response (test/fixtures/ingest/oai-pmh, derived pages) with resumption tokens, the
 * way arXiv does, and answers what it does not know with arXiv's recorded error responses.
 * `busyOnce`: the first request for page 2 gets arXiv's recorded 503 with `Retry-After: 2`.
 * For tests and scripts only.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startReplayServer, type Replay, type ReplayServer } from "../../http/testing/replay-server.js";

export const OAI_FIXTURES = fileURLToPath(new URL("../../../../test/fixtures/ingest/oai-pmh/", import.meta.url));

export const fixture = (name: string) => readFileSync(`${OAI_FIXTURES}${name}`);

const xml = (body: Buffer): Replay => ({ status: 200, headers: { "content-type": "text/xml; charset=utf-8" }, body });

/** Pages by resumptionToken, as in the derived fixtures. */
export const PAGES: Readonly<Record<string, string>> = {
  "": "derived-ListRecords-page1.xml",
  "726959|1001": "derived-ListRecords-page2.xml",
  "726959|2001": "derived-ListRecords-page3-last-with-deleted.xml",
};

/** Records in the paged list: 7 papers and 1 deletion. */
export const PAGED_PAPER_IDS = ["0704.0471", "0704.0716", "0704.0874", "0704.1109", "0704.1114", "0704.1586", "2104.12255"];

export interface OaiReplayOptions {
  busyOnce?: boolean;
  /** Answers instead of the pages, e.g. an error fixture for every ListRecords request. */
  override?: (query: URLSearchParams) => Replay | null;
}

export interface OaiReplay extends ReplayServer {
  /** The endpoint: `<server>/oai`. */
  endpoint: string;
}

export async function startOaiReplay(options: OaiReplayOptions = {}): Promise<OaiReplay> {
  let busy = options.busyOnce ?? false;
  const server = await startReplayServer((_request, query) => {
    const overridden = options.override?.(query);
    if (overridden) return overridden;
    if (query.get("verb") !== "ListRecords") return xml(fixture("ErrorResponseBadVerb.xml"));
    const token = query.get("resumptionToken");
    if (token !== null) {
      const page = PAGES[token];
      if (!page || token === "") return xml(fixture("ErrorResponseBadResumptionToken.xml"));
      if (busy && page === PAGES["726959|1001"]) {
        busy = false;
        return { status: 503, headers: { "retry-after": "2", "content-type": "text/html" }, body: fixture("503-retry-after.xml") };
      }
      return xml(fixture(page));
    }
    if (query.get("metadataPrefix") !== "arXivRaw") return xml(fixture("derived-ErrorResponseCannotDisseminateFormat.xml"));
    return xml(fixture(PAGES[""]!));
  });
  return Object.assign(server, { endpoint: `${server.url}/oai` });
}
