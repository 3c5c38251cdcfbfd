/**
 * The load generator of the HTTP bench, run in a process of its own (`load.ts <args.json>`,
 * result as JSON on stdout) so that it never shares a thread with the server it measures. Like
 * autocannon: N keep-alive connections, each sending its next request as soon as the previous
 * answer is complete, for a fixed time after a warm-up. Requests go over raw sockets with a
 * minimal HTTP/1.1 response reader (Content-Length and chunked bodies), which costs the machine's
 * shared cores far less than an HTTP client library would.
 */
import net from "node:net";
import fs from "node:fs";

export interface LoadArgs {
  port: number;
  /** Request targets, taken in turn by all connections together: each request the next one. */
  paths: string[];
  /**
   * Targets for the warm-up instead of `paths` (taken in turn the same way), so that the timed
   * requests are ones the server has never answered: the warm-up only lets the server's code
   * reach its steady state (V8 compiles hot functions in its first seconds), never its caches.
   */
  warmupPaths?: string[];
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** A request not answered within this time counts as an error and its connection is replaced. */
  timeoutMs: number;
  /**
   * Make every request's URL unique (`&_=N` added), so that no cache of whole answers can help:
   * each request costs what a query never asked before costs.
   */
  unique?: boolean;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  /** Answers that were not 2xx, timeouts and socket errors. */
  errors: number;
  /** Status codes other than 2xx and socket errors, with their counts. */
  errorKinds: Record<string, number>;
  /** Latency percentiles in ms, over the requests completed after the warm-up. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Mean body bytes per answer. */
  bodyBytes: number;
}

const HEADER_END = Buffer.from("\r\n\r\n");

interface Parsed {
  status: number;
  bodyBytes: number;
  /** Bytes of `buffer` this response took; 0 while it is incomplete. */
  consumed: number;
}

/** Chunked body starting at `at`: its length and where it ends, or null while incomplete. */
function chunked(buffer: Buffer, at: number): { length: number; end: number } | null {
  let length = 0;
  for (;;) {
    const lineEnd = buffer.indexOf("\r\n", at);
    if (lineEnd < 0) return null;
    const size = parseInt(buffer.toString("latin1", at, lineEnd), 16);
    if (Number.isNaN(size)) throw new Error("bad chunk size");
    at = lineEnd + 2;
    if (size === 0) {
      // No trailers are sent by the server measured: the body ends with an empty line.
      return buffer.length >= at + 2 ? { length, end: at + 2 } : null;
    }
    if (buffer.length < at + size + 2) return null;
    length += size;
    at += size + 2;
  }
}

function parseResponse(buffer: Buffer): Parsed | null {
  const headEnd = buffer.indexOf(HEADER_END);
  if (headEnd < 0) return null;
  const head = buffer.toString("latin1", 0, headEnd);
  const status = Number(head.slice(9, 12));
  const bodyStart = headEnd + 4;
  const lengthMatch = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (lengthMatch) {
    const length = Number(lengthMatch[1]);
    return buffer.length >= bodyStart + length ? { status, bodyBytes: length, consumed: bodyStart + length } : null;
  }
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    const body = chunked(buffer, bodyStart);
    return body ? { status, bodyBytes: body.length, consumed: body.end } : null;
  }
  // No length: a 204/304 has no body; anything else would end with the connection, which the bench never asks for.
  return { status, bodyBytes: 0, consumed: bodyStart };
}

export async function runLoad(args: LoadArgs): Promise<LoadResult> {
  const request = (target: string) => Buffer.from(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${args.port}\r\nConnection: keep-alive\r\n\r\n`);
  const fixed = args.unique ? [] : args.paths.map(request);
  let next = 0;
  let nextWarmup = 0;
  const started = performance.now();
  const measureFrom = started + args.warmupMs;
  const warmupPaths = args.warmupPaths?.length ? args.warmupPaths : null;
  const nextRequest = () => {
    if (warmupPaths && performance.now() < measureFrom) {
      const n = nextWarmup++;
      const target = warmupPaths[n % warmupPaths.length]!;
      return request(args.unique ? `${target}${target.includes("?") ? "&" : "?"}_=w${n}` : target);
    }
    const n = next++;
    if (!args.unique) return fixed[n % fixed.length]!;
    const target = args.paths[n % args.paths.length]!;
    return request(`${target}${target.includes("?") ? "&" : "?"}_=${n}`);
  };
  const stopAt = measureFrom + args.durationMs;
  const latencies: number[] = [];
  const errorKinds: Record<string, number> = {};
  let bodyBytes = 0;
  let answered = 0;
  const fail = (kind: string, sentAt: number) => {
    if (sentAt >= measureFrom) errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };

  const connection = () =>
    new Promise<void>((resolve) => {
      const socket = net.connect({ port: args.port, host: "127.0.0.1", noDelay: true });
      let buffer: Buffer = Buffer.alloc(0);
      let sentAt = 0;
      let timer: NodeJS.Timeout | undefined;
      let done = false;
      let waiting = false;
      const finish = (again: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        socket.destroy();
        // A broken connection is replaced, as a browser or autocannon would, until the time is up.
        if (again && performance.now() < stopAt) void connection().then(resolve);
        else resolve();
      };
      const send = () => {
        if (performance.now() >= stopAt) return finish(false);
        buffer = Buffer.alloc(0);
        sentAt = performance.now();
        waiting = true;
        socket.write(nextRequest());
        timer = setTimeout(() => {
          fail("timeout", sentAt);
          finish(true);
        }, args.timeoutMs);
      };
      socket.on("connect", send);
      // A body of known length is counted, not kept: copying each chunk onto the last would cost
      // the generator more than the server for pages of 100 KB.
      let body: { status: number; length: number; remaining: number } | null = null;
      const complete = (status: number, length: number) => {
        clearTimeout(timer);
        waiting = false;
        body = null;
        const now = performance.now();
        if (sentAt >= measureFrom && now <= stopAt) {
          latencies.push(now - sentAt);
          answered++;
          bodyBytes += length;
          if (status < 200 || status >= 300) fail(String(status), sentAt);
        }
        send();
      };
      socket.on("data", (chunk: Buffer) => {
        if (body) {
          body.remaining -= chunk.length;
          if (body.remaining <= 0) complete(body.status, body.length);
          return;
        }
        buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
        const headEnd = buffer.indexOf(HEADER_END);
        if (headEnd < 0) return;
        const lengthMatch = /\r\ncontent-length:\s*(\d+)/i.exec(buffer.toString("latin1", 0, headEnd));
        if (lengthMatch) {
          const length = Number(lengthMatch[1]);
          const status = Number(buffer.toString("latin1", 9, 12));
          const remaining = length - (buffer.length - headEnd - 4);
          if (remaining <= 0) return complete(status, length);
          body = { status, length, remaining };
          return;
        }
        let parsed: Parsed | null;
        try {
          parsed = parseResponse(buffer);
        } catch {
          fail("unreadable answer", sentAt);
          return finish(true);
        }
        if (parsed) complete(parsed.status, parsed.bodyBytes);
      });
      socket.on("error", (e: NodeJS.ErrnoException) => {
        fail(e.code ?? "socket error", sentAt || performance.now());
        finish(true);
      });
      socket.on("close", () => {
        if (waiting) fail("closed before answering", sentAt);
        finish(performance.now() < stopAt);
      });
    });

  await Promise.all(Array.from({ length: args.connections }, connection));
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
  const errors = Object.values(errorKinds).reduce((sum, n) => sum + n, 0);
  return {
    requests: answered,
    seconds: args.durationMs / 1000,
    errors,
    errorKinds,
    p50: at(50),
    p90: at(90),
    p99: at(99),
    max: latencies.at(-1) ?? NaN,
    bodyBytes: answered ? bodyBytes / answered : 0,
  };
}

if (import.meta.filename === process.argv[1]) {
  const args = JSON.parse(fs.readFileSync(process.argv[2]!, "utf8")) as LoadArgs;
  process.stdout.write(JSON.stringify(await runLoad(args)));
}
