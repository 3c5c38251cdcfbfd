/**
 * Whether outgoing mail works: the subscribe box is offered only when an SMTP server is
 * configured and answers. Checked with nodemailer's verify (connect, EHLO, login if given, quit)
 * at start and again every 10 minutes, never in the request path.
 */
import nodemailer from "nodemailer";

export interface MailStatus {
  /** True once the server has answered, until a later check fails. */
  readonly ok: boolean;
  stop(): void;
}

const RECHECK_MS = 10 * 60_000;

export function watchMail(
  smtpUrl: string | null | undefined,
  onProblem: (message: string) => void,
): MailStatus {
  if (!smtpUrl) return { ok: false, stop: () => undefined };
  let ok = false;
  const check = async () => {
    // Only the connection settings matter here; our own rateLimit/maxConnections parameters are not nodemailer's.
    const url = new URL(smtpUrl);
    url.search = "";
    const transport = nodemailer.createTransport(url.toString(), {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 10_000,
    } as never);
    try {
      ok = await transport.verify();
    } catch (error) {
      onProblem(
        `serve: the SMTP server does not answer (${(error as Error).message}); the subscribe box stays hidden`,
      );
      ok = false;
    } finally {
      transport.close();
    }
  };
  void check();
  const timer = setInterval(() => void check(), RECHECK_MS);
  timer.unref();
  return {
    get ok() {
      return ok;
    },
    stop: () => clearInterval(timer),
  };
}
