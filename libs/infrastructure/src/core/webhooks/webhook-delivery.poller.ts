import { Logger } from '@nestjs/common';
import type { Clock, DueWebhookDelivery, WebhookDeliveryStore } from '@primetrade/domain';
import { PollingLoop } from '../scheduling/polling-loop';

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
export class WebhookDeliveryPoller extends PollingLoop {
  protected readonly waiting = 'webhook deliveries wait';

  constructor(
    private readonly store: WebhookDeliveryStore,
    private readonly dispatch: (due: readonly DueWebhookDelivery[]) => Promise<void>,
    private readonly clock: Clock,
    private readonly settings: WebhookPollerSettings,
  ) {
    super(new Logger('WebhookDeliveryPoller'), { intervalMs: settings.intervalMs, pruneEveryMs: PRUNE_EVERY_MS });
  }

  protected async drainOnce(): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS && !this.stopped; round++) {
      const due = await this.store.due(new Date(this.clock.now().getTime() - (this.settings.lagMs ?? 0)), this.settings.batchSize);
      if (due.length === 0) return;
      await this.dispatch(due);
      if (due.length < this.settings.batchSize) return;
    }
  }

  /** Settled deliveries older than the retention go, once an hour (every process may: a delete twice is harmless). */
  protected async prune(now: number): Promise<void> {
    await this.store.prune(new Date(now - (this.settings.retainMs ?? DEFAULT_RETAIN_MS)));
  }

  protected now(): number {
    return this.clock.now().getTime();
  }
}
