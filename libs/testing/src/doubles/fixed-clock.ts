import { Clock } from '@primetrade/domain';

/** A clock that stands still until the test moves it, so timestamps are exact. */
export class FixedClock extends Clock {
  private current: number;

  constructor(start: Date | string = '2026-06-15T12:00:00.000Z') {
    super();
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): Date {
    this.current += ms;
    return this.now();
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
}
