/**
 * A real SMTP server for tests (smtp-server on 127.0.0.1, port 0) that keeps every message it
 * accepts, parsed with mailparser. `answer` lets a test refuse messages the way real servers do
 * (451 try later, 550 no such user).
 */
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SinkAnswer {
  code: number;
  message: string;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:PORT?rateLimit=…  */
  url: string;
  messages: ParsedMail[];
  /** Attempts seen per recipient (accepted or not). */
  attempts: Map<string, number>;
  /** Resolves when `count` messages have been accepted. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface SinkOptions {
  /** Decides per attempt (1-based, per recipient): null accepts, an answer refuses after DATA. */
  answer?: (recipient: string, attempt: number) => SinkAnswer | null;
  /** Query string appended to the URL, e.g. "rateLimit=1000&maxConnections=4". */
  query?: string;
  /** Parse messages with mailparser (default true); off for large volumes, keeping Message-IDs only. */
  parse?: boolean;
  /** Called with each accepted message's Message-ID. */
  onMessageId?: (id: string) => void;
  /** The port to listen on (default: any free one), e.g. to come back where a stopped server was. */
  port?: number;
  /** Accept connections but never greet (the server hangs before "220"): a mail server in trouble. */
  silent?: boolean;
}

const refuse = (a: SinkAnswer) => Object.assign(new Error(a.message), { responseCode: a.code });

export async function startSmtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const attempts = new Map<string, number>();
  let accepted = 0;
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 10 * 1024 * 1024,
    // smtp-server greets once onConnect calls back; a silent sink never does.
    ...(options.silent ? { onConnect: () => undefined, closeTimeout: 200 } : {}),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const recipient = session.envelope.rcptTo[0]?.address ?? "";
        const attempt = (attempts.get(recipient) ?? 0) + 1;
        attempts.set(recipient, attempt);
        const answer = options.answer?.(recipient, attempt) ?? null;
        if (answer) return callback(refuse(answer));
        const raw = Buffer.concat(chunks);
        if (options.parse === false) {
          const id = /^Message-ID:\s*(<[^>]+>)/im.exec(raw.subarray(0, 4096).toString("latin1"))?.[1] ?? "";
          options.onMessageId?.(id);
          messages.push({ messageId: id } as ParsedMail);
        } else {
          const parsed = await simpleParser(raw);
          options.onMessageId?.(parsed.messageId ?? "");
          messages.push(parsed);
        }
        accepted++;
        for (const w of waiters.filter((w) => accepted >= w.count)) w.resolve();
        callback();
      });
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}${options.query ? `?${options.query}` : ""}`,
    messages,
    attempts,
    waitFor(count, timeoutMs = 20_000) {
      if (accepted >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`smtp sink: ${accepted} of ${count} messages after ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
