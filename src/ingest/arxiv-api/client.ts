/**
 * One paper from arXiv's export API (`<apiUrl>?id_list=ID&max_results=1`), through the polite
 * client (3 s between requests, Retry-After, the instance's User-Agent). The answer is read by the
 * same Atom reader as files. arXiv says "no such paper" two ways: an empty feed (a well-formed id
 * it does not have) and, with a 400, a feed whose one entry is an API error ("incorrect id format
 * for …"); both resolve to null. Every other failure — unreachable, 5xx beyond the retries, a body
 * that is not Atom — is one `arxiv_unavailable` error (503) whose message is fit for visitors; the
 * details (URL, status, body) are in its cause and the log.
 */
import { parseArxivId } from "../../core/arxiv-id.js";
import { PaperfeedError, messageOf } from "../../core/errors.js";
import type { Paper } from "../../core/paper.js";
import type { PoliteClient } from "../http/polite-client.js";
import { readAtomBody } from "../readers/atom.js";

export class ArxivApiClient {
  constructor(
    private readonly http: PoliteClient,
    /** The export API's query URL, e.g. https://export.arxiv.org/api/query (config.arxivApiUrl). */
    private readonly apiUrl: string,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /**
   * The latest version of paper `id` (canonical, without version: the store keeps the newest), or
   * null when arXiv does not have it. Throws `arxiv_unavailable` when arXiv cannot answer.
   */
  async fetchPaper(id: string): Promise<Paper | null> {
    const url = `${this.apiUrl}?id_list=${encodeURIComponent(id)}&max_results=1`;
    let body: Buffer;
    let status: number;
    try {
      ({ body, status } = await this.http.get(url, { accept: [400] }));
    } catch (e) {
      throw this.unavailable(id, messageOf(e), e);
    }
    const papers: Paper[] = [];
    for await (const item of readAtomBody(url, body)) {
      if (item.kind === "paper") papers.push(item.paper);
      else if (item.kind === "error" && /: arXiv API error: /.test(item.reason)) return null;
      else if (item.kind === "error" && item.scope === "record") throw this.unreadable(id, item.reason);
      else if (item.kind === "error") throw this.unavailable(id, item.reason);
    }
    if (status === 400) throw this.unavailable(id, `${url} answered 400 without an API error entry`);
    // An entry for another id (never seen, but the feed would allow it) does not answer the question.
    return papers.find((p) => p.id === parseArxivId(id)?.id) ?? null;
  }

  private unreadable(id: string, detail: string): PaperfeedError {
    this.log(`arXiv API: the record of ${id} could not be read: ${detail}`);
    return new PaperfeedError("ingest", "arxiv_unreadable", `arXiv's record of paper ${id} could not be read`, 502, {
      cause: new Error(detail),
      visible: true,
    });
  }

  private unavailable(id: string, detail: string, cause?: unknown): PaperfeedError {
    this.log(`arXiv API: fetching ${id} failed: ${detail}`);
    return arxivUnavailable(id, cause ?? new Error(detail));
  }
}

/** The one failure visitors see when arXiv cannot answer; `visible`: it names no host or file. */
export const arxivUnavailable = (id: string, cause?: unknown) =>
  new PaperfeedError(
    "ingest",
    "arxiv_unavailable",
    `arXiv could not be reached to fetch paper ${id}; try again in a few minutes`,
    503,
    { cause, visible: true },
  );
