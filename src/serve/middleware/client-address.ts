/**
 * Who the client is, for per-client rate limits: the socket's address, or — behind reverse
 * proxies the operator trusts (`--trust-proxy N`) — the address N entries from the end of
 * `X-Forwarded-For` (each proxy appends the address it saw, so entries before that are whatever
 * the client claimed and are never believed).
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";

const KEY = "paperfeed.client";

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local"; // in-process requests (tests) have no socket
  }
}

/** The address `trustedProxies` hops before this server, from the socket and `X-Forwarded-For`. */
export function forwardedClient(socket: string, forwardedFor: string | undefined, trustedProxies: number): string {
  if (trustedProxies <= 0 || !forwardedFor) return socket;
  const hops = forwardedFor.split(",").map((s) => s.trim()).filter(Boolean);
  // The socket is the nearest proxy; the one before it appended the last entry, and so on.
  // Fewer entries than trusted proxies: the farthest one is the client.
  const entry = hops[Math.max(0, hops.length - trustedProxies)];
  return entry && /^[0-9a-fA-F:.]{2,45}$/.test(entry) ? entry : socket;
}

export function clientAddressMiddleware(trustedProxies: number): MiddlewareHandler {
  return async (c, next) => {
    c.set(KEY as never, forwardedClient(socketAddress(c), c.req.header("x-forwarded-for"), trustedProxies) as never);
    await next();
  };
}

/** The client's address (see above); "local" for in-process requests in tests. */
export function clientAddress(c: Context): string {
  return (c.get(KEY as never) as string | undefined) ?? socketAddress(c);
}
