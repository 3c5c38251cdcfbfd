/**
 * A query's time budget. Pathological queries (dozens of very common words, deep pages) could
 * otherwise keep a core busy for seconds on millions of papers; past the deadline a strategy
 * stops and the engine answers with the best hits found so far, flagged `timedOut`. The clock is
 * read once every 64 checks, so checking costs next to nothing.
 *
 * The budget is the query's own work: once the wall clock says it is spent, this thread's CPU
 * time confirms it. On a loaded host a query may wait for a core (another process ran, a browser
 * and a test runner shared two cores); cut on the wall clock alone, it answered with whatever it
 * had found by then, even nothing, though it had hardly started. Thread CPU time costs a system
 * call (about 1 µs, five times the wall clock), hence the wall clock first: it can only run ahead
 * of the CPU time, never behind.
 */

/**
 * Budgets of at least this many ms (default 50) are confirmed on the thread's CPU time; smaller
 * ones keep the wall clock alone, since Linux updates a running thread's CPU time only at the
 * scheduler's tick (every 1–10 ms), too coarse to confirm them.
 */
const CPU_CONFIRMED_FROM_MS = 50;

/** This thread's CPU time in ms; null where Node lacks `process.threadCpuUsage` (before 22.19). */
const threadCpuMs: (() => number) | null =
  typeof process.threadCpuUsage === "function"
    ? () => {
        const used = process.threadCpuUsage();
        return (used.user + used.system) / 1000;
      }
    : null;

export class Deadline {
  private checks = 0;
  /** Set once the budget ran out. */
  expired = false;
  /** performance.now() value after which work stops (moved on while CPU time is unspent); Infinity for none. */
  private at: number;
  /** Thread CPU time at the start, or NaN when the wall clock alone decides. */
  private readonly cpuStart: number;

  /** @param budgetMs the query's budget; 0 (or less) for none, confirmed on CPU time from CPU_CONFIRMED_FROM_MS */
  constructor(private readonly budgetMs = 0) {
    this.at = budgetMs > 0 ? performance.now() + budgetMs : Infinity;
    this.cpuStart = budgetMs >= CPU_CONFIRMED_FROM_MS && threadCpuMs ? threadCpuMs() : NaN;
  }

  static after(ms: number): Deadline {
    return new Deadline(ms);
  }

  passed(): boolean {
    if (this.expired) return true;
    if ((this.checks++ & 63) !== 0 || this.at === Infinity) return false;
    return this.passedNow();
  }

  /** As `passed`, reading the clock every time: for loops whose steps take milliseconds. */
  passedNow(): boolean {
    if (this.expired || this.at === Infinity) return this.expired;
    const now = performance.now();
    if (now < this.at) return false;
    if (!Number.isNaN(this.cpuStart)) {
      // The wall clock ran out; the work may not have: wait at least for the CPU time still unspent.
      const left = this.budgetMs - (threadCpuMs!() - this.cpuStart);
      if (left > 0) {
        this.at = now + left;
        return false;
      }
    }
    this.expired = true;
    return true;
  }
}
