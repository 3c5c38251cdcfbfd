/**
 * A real HTTP server on loopback that answers like an outside service (arXiv, GitHub) from
 * recorded or documented responses, so the production clients run unchanged but for their base
 * URL. `route` picks the answer for each request; every request is recorded. For tests only.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface Replay {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. "/oai?verb=ListRecords&…". */
  url: string;
  headers: IncomingMessage["headers"];
  /** Wall-clock arrival, ms. */
  at: number;
}

export interface ReplayServer {
  /** "http://127.0.0.1:PORT" */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startReplayServer(
  route: (request: RecordedRequest, query: URLSearchParams) => Replay | Promise<Replay>,
): Promise<ReplayServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const recorded: RecordedRequest = { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, at: Date.now() };
    requests.push(recorded);
    const query = new URL(recorded.url, "http://replay").searchParams;
    Promise.resolve()
      .then(() => route(recorded, query))
      .then(
        (r) => {
          res.writeHead(r.status ?? 200, r.headers ?? {});
          res.end(r.body ?? "");
        },
        (e: unknown) => {
          res.writeHead(500, { "content-type": "text/plain" });
          res.end(`replay server: ${String(e)}`);
        },
      );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
