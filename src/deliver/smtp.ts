/**
 * SMTP client on nodemailer's SMTPConnection: a small pool of reused connections, a send-rate
 * limit, and a gate before the end of DATA. The message body is streamed, then `beforeEnd` runs
 * (the sender records "handed over" in the outbox), and only then the final "." goes out — the
 * moment the server takes responsibility for the message. A sender killed before that point
 * leaves a message the server discards; killed after it, a message the outbox already counts as
 * handed over. So a crash never turns into a second copy.
 */
import { PassThrough } from "node:stream";
import SMTPConnection from "nodemailer/lib/smtp-connection";
import { PaperfeedError, messageOf } from "../core/errors.js";
import { RateLimiter } from "./rate-limit.js";

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the start (smtps://); smtp:// upgrades with STARTTLS when the server offers it. */
  secure: boolean;
  auth: { user: string; pass: string } | null;
  /** Messages per second, all connections together; default 10, 1–10,000. */
  rateLimit: number;
  /** Parallel connections; default 2, 1–20. */
  maxConnections: number;
  /** Time allowed to open the connection (TCP, TLS), ms; default 10,000, 100–120,000 (`connectTimeout=`). */
  connectTimeoutMs: number;
  /** Time allowed for the server's greeting and login, ms; default 10,000, 100–120,000 (`greetingTimeout=`). */
  greetingTimeoutMs: number;
  /** Time allowed for one message, from MAIL FROM to the answer after the final dot, ms; default 60,000, 100–600,000 (`sendTimeout=`). */
  sendTimeoutMs: number;
}

const intParam = (url: URL, name: string, fallback: number, min: number, max: number) => {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new PaperfeedError(
      "deliver",
      "invalid_smtp_url",
      `SMTP URL parameter ${name} must be an integer ${min}–${max}, got ${raw}`,
    );
  return n;
};

/**
 * `smtp://[user:pass@]host[:port][?rateLimit=N&maxConnections=N&connectTimeout=MS&greetingTimeout=MS&sendTimeout=MS]`
 * or `smtps://…`.
 */
export function parseSmtpUrl(text: string): SmtpSettings {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PaperfeedError("deliver", "invalid_smtp_url", "the SMTP URL is not a URL");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:")
    throw new PaperfeedError(
      "deliver",
      "invalid_smtp_url",
      "the SMTP URL must start with smtp:// or smtps://",
    );
  const secure = url.protocol === "smtps:";
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : null,
    rateLimit: intParam(url, "rateLimit", 10, 1, 10_000),
    maxConnections: intParam(url, "maxConnections", 2, 1, 20),
    connectTimeoutMs: intParam(url, "connectTimeout", 10_000, 100, 120_000),
    greetingTimeoutMs: intParam(url, "greetingTimeout", 10_000, 100, 120_000),
    sendTimeoutMs: intParam(url, "sendTimeout", 60_000, 100, 600_000),
  };
}

export type SendOutcome =
  | { ok: true; response: string }
  /** permanent: a 5xx answer; otherwise a 4xx answer or a lost connection, worth retrying. */
  | { ok: false; permanent: boolean; code: number | null; message: string };

/**
 * Runs one step on a connection and settles when its callback does — or when the connection
 * fails, closes or stays silent for `ms`. nodemailer reports a failure while connecting (refused,
 * no greeting, dropped) only as an 'error' event, never to connect()'s callback: waiting on the
 * callback alone would wait forever and keep the connection's slot taken.
 */
function step<T>(conn: SMTPConnection, ms: number, what: string, run: (done: (err: Error | null | undefined, value?: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (err: Error | null | undefined, value?: T) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      conn.off("error", onError);
      conn.off("end", onEnd);
      if (err) reject(err);
      else resolve(value as T);
    };
    const onError = (err: Error) => finish(err);
    const onEnd = () => finish(new PaperfeedError("deliver", "smtp_closed", `the mail server closed the connection during ${what}`));
    const timer = setTimeout(() => finish(new PaperfeedError("deliver", "smtp_timeout", `the mail server did not finish ${what} within ${ms} ms`)), ms);
    conn.on("error", onError);
    conn.on("end", onEnd);
    run(finish);
  });
}

export class SmtpClient {
  private readonly idle: SMTPConnection[] = [];
  private open = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly limiter: RateLimiter;
  private closed = false;

  constructor(private readonly settings: SmtpSettings) {
    this.limiter = new RateLimiter(settings.rateLimit);
  }

  private async connection(): Promise<SMTPConnection> {
    for (;;) {
      const ready = this.idle.pop();
      if (ready && !ready.destroyed) return ready;
      if (ready) {
        this.open--;
        continue;
      }
      if (this.open < this.settings.maxConnections) break;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.open++;
    const { host, port, secure, auth, connectTimeoutMs, greetingTimeoutMs, sendTimeoutMs } = this.settings;
    const conn = new SMTPConnection({
      host,
      port,
      secure,
      connectionTimeout: connectTimeoutMs,
      greetingTimeout: greetingTimeoutMs,
      socketTimeout: sendTimeoutMs,
    });
    conn.on("error", () => undefined); // reported through step()
    try {
      await step<void>(conn, connectTimeoutMs + greetingTimeoutMs, "connecting", (done) => conn.connect((err) => done(err)));
      if (auth) await step<boolean>(conn, greetingTimeoutMs, "login", (done) => conn.login(auth, done));
      return conn;
    } catch (error) {
      this.discard(conn);
      throw error;
    }
  }

  private release(conn: SMTPConnection): void {
    if (this.closed || conn.destroyed) return this.discard(conn);
    this.idle.push(conn);
    this.waiting.shift()?.();
  }

  private discard(conn: SMTPConnection): void {
    this.open--;
    conn.close();
    this.waiting.shift()?.();
  }

  /**
   * Sends one message. `beforeEnd` runs after the body is on its way and before the final dot;
   * when it returns false the message is abandoned (the server discards it). Always settles:
   * within the connect, greeting and send timeouts, whatever the server does.
   */
  async send(
    envelope: { from: string; to: string },
    raw: Buffer,
    beforeEnd: () => Promise<boolean> | boolean,
  ): Promise<SendOutcome> {
    await this.limiter.take();
    let conn: SMTPConnection;
    try {
      conn = await this.connection();
    } catch (error) {
      return failure(error);
    }
    const gate = new PassThrough();
    gate.write(raw);
    // `resume` fires when SMTPConnection pipes the body, i.e. after the server said 354.
    gate.once("resume", () =>
      setImmediate(async () => {
        try {
          if (await beforeEnd()) gate.end();
          else gate.destroy(new Error("the outbox entry was taken over by another sender"));
        } catch (error) {
          gate.destroy(error as Error);
        }
      }),
    );
    try {
      const info = await step<{ response: string }>(conn, this.settings.sendTimeoutMs, "sending a message", (done) =>
        conn.send({ from: envelope.from, to: [envelope.to] }, gate, done),
      );
      this.release(conn);
      return { ok: true, response: info.response };
    } catch (error) {
      this.discard(conn);
      return failure(error);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const conn of this.idle.splice(0)) {
      this.open--;
      conn.quit();
    }
  }
}

function failure(error: unknown): SendOutcome {
  const code = Number((error as { responseCode?: number }).responseCode) || null;
  return {
    ok: false,
    permanent: code !== null && code >= 500,
    code,
    message: messageOf(error).slice(0, 500),
  };
}
