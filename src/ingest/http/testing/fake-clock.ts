/** A clock for tests: `sleep` returns at once and advances `now`; every sleep is recorded. */
import type { Clock } from "../clock.js";

export class FakeClock implements Clock {
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: number[] = [];
  constructor(private time: number = Date.parse("2026-01-05T01:30:00Z")) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    if (ms > 0) this.time += ms;
  }
  /** Moves time forward without a sleep (time spent elsewhere). */
  advance(ms: number): void {
    this.time += ms;
  }
  set(iso: string): void {
    this.time = Date.parse(iso);
  }
}
