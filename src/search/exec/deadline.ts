/**
 * A query's time budget. Pathological queries (dozens of very common words, deep pages) could
 * otherwise keep a core busy for seconds on millions of papers; past the deadline a strategy
 * stops and the engine answers with the best hits found so far, flagged `timedOut`. The clock is
 * read once every 64 checks, so checking costs next to nothing.
 */
export class Deadline {
  private checks = 0;
  /** Set once the budget ran out. */
  expired = false;

  /** @param at performance.now() value after which work stops; Infinity for none */
  constructor(private readonly at = Infinity) {}

  static after(ms: number): Deadline {
    return new Deadline(ms > 0 ? performance.now() + ms : Infinity);
  }

  passed(): boolean {
    if (this.expired) return true;
    if ((this.checks++ & 63) !== 0 || this.at === Infinity) return false;
    return this.passedNow();
  }

  /** As `passed`, reading the clock every time: for loops whose steps take milliseconds. */
  passedNow(): boolean {
    if (!this.expired && this.at !== Infinity && performance.now() >= this.at) this.expired = true;
    return this.expired;
  }
}
