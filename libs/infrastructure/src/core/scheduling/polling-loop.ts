import type { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * A background loop over a store: woken by a timer and by `kick`, one drain at a time (a kick
 * during a drain runs one more when it ends), old rows pruned now and then, and a failing store
 * logged once per distinct error until it recovers. The outbox relay and the webhook poller are
 * both one; each says what a drain and a prune are.
 */
export abstract class PollingLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private again = false;
  private lastPrune = 0;
  private lastFailure = '';
  protected stopped = false;

  protected constructor(
    protected readonly logger: Logger,
    private readonly timing: { intervalMs: number; pruneEveryMs: number },
  ) {}

  /** One bounded drain (rounds of batches); throws when the store fails. */
  protected abstract drainOnce(): Promise<void>;
  /** Removes what is old at `now` (epoch ms). */
  protected abstract prune(now: number): Promise<void>;
  /** Clock of the loop, for pruning. */
  protected abstract now(): number;
  /** What waits while the store fails, for the log ("events wait in the outbox"). */
  protected abstract readonly waiting: string;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.timing.intervalMs);
    this.timer.unref();
    this.kick();
  }

  /** Starts a drain unless one runs (then it runs once more when done). */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Drains now, after any drain already running (tests, shutdown). */
  async flush(): Promise<void> {
    if (this.draining) await this.draining;
    await this.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      await this.drainOnce();
      const now = this.now();
      if (now - this.lastPrune >= this.timing.pruneEveryMs) {
        this.lastPrune = now;
        await this.prune(now);
      }
      if (this.lastFailure) this.logger.log(`${this.waiting}: going again`);
      this.lastFailure = '';
    } catch (error) {
      // Store busy, Redis down: the rows stay pending and the next tick tries again.
      const message = (error as Error).message;
      if (message !== this.lastFailure) this.logger.warn(`${this.waiting}: ${message}`);
      this.lastFailure = message;
    }
  }
}
