/**
 * A circuit breaker for the mail server. The first failure to reach it (refused, no greeting,
 * timed out, dropped, 421 closing — not other 4xx or 5xx answers, which come from a server that works) opens the
 * breaker and is logged once; while open, held mail waits without spending its retries, and every
 * `probeEveryMs` one drain may try again. The first message that gets through closes it, and that
 * is logged once too. Kept by the outbox job across its runs.
 */
export class MailBreaker {
  private openedAt: number | null = null;
  private lastProbe = 0;

  constructor(
    private readonly log: (line: string) => void,
    /** Time between tries while the server is away; default 30 s. */
    private readonly probeEveryMs = 30_000,
  ) {}

  get isOpen(): boolean {
    return this.openedAt !== null;
  }

  /** Whether a drain may try the server now: always when closed, once per `probeEveryMs` when open. */
  mayTry(now: number): boolean {
    if (this.openedAt === null) return true;
    if (now - this.lastProbe < this.probeEveryMs) return false;
    this.lastProbe = now;
    return true;
  }

  /** The server could not be reached. */
  unreachable(problem: string, now: number): void {
    if (this.openedAt !== null) return;
    this.openedAt = this.lastProbe = now;
    this.log(`deliver: the mail server cannot be reached (${problem}); mail waits in the outbox, trying again every ${seconds(this.probeEveryMs)}`);
  }

  /** The server took or answered a message. */
  answered(now: number): void {
    if (this.openedAt === null) return;
    const away = now - this.openedAt;
    this.openedAt = null;
    this.log(`deliver: the mail server answers again after ${seconds(away)}; sending the mail that waited`);
  }
}

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);
