import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Clock, DueWebhookDelivery, WebhookDeliveryStore } from '@primetrade/domain';

export interface WebhookPollerSettings {
  /** How often the deliveries table is looked at for due deliveries (retries, other processes). */
  intervalMs: number;
  batchSize: number;
  /** Only deliveries due at least this long ago (the BullMQ sweep: jobs normally take them first). */
  lagMs?: number;
  /** Delivered and given-up deliveries are deleted after this long (7 days). */
  retainMs?: number;
}

const DEFAULT_RETAIN_MS = 7 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;

/** Rounds of one drain: bounded, so a backlog never starves the event loop of a tick. */
const MAX_ROUNDS = 20;

/**
 * The due-time loop over the store's deliveries: each due head of a line goes to `dispatch` —
 * an attempt in this process (embedded), or a BullMQ job (the sweep that makes the Redis queue
 * whole again after Redis lost a job). Woken early by `kick` when something is scheduled.
 */
export class WebhookDeliveryPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookDeliveryPoller');
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private again = false;
  private stopped = false;
  private lastFailure = '';
  private lastPrune = 0;

  constructor(
    private readonly store: WebhookDeliveryStore,
    private readonly dispatch: (due: readonly DueWebhookDelivery[]) => Promise<void>,
    private readonly clock: Clock,
    private readonly settings: WebhookPollerSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.settings.intervalMs);
    this.timer.unref();
    this.kick();
  }

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

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining;
  }

  /** Settled deliveries older than the retention go, once an hour (every process may: a delete twice is harmless). */
  private async pruneNowAndThen(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await this.store.prune(new Date(now - (this.settings.retainMs ?? DEFAULT_RETAIN_MS)));
  }

  private async drain(): Promise<void> {
    try {
      for (let round = 0; round < MAX_ROUNDS && !this.stopped; round++) {
        const due = await this.store.due(new Date(this.clock.now().getTime() - (this.settings.lagMs ?? 0)), this.settings.batchSize);
        if (due.length === 0) break;
        await this.dispatch(due);
        if (due.length < this.settings.batchSize) break;
      }
      await this.pruneNowAndThen();
      this.lastFailure = '';
    } catch (error) {
      // Store busy or Redis down: the deliveries stay due and the next tick tries again.
      const message = (error as Error).message;
      if (message !== this.lastFailure) this.logger.warn(`webhook deliveries wait: ${message}`);
      this.lastFailure = message;
    }
  }
}
