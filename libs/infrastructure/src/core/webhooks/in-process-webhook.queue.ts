import { EventEmitter } from 'node:events';
import { type Clock, type DueWebhookDelivery, WebhookDeliveryQueue } from '@primetrade/domain';

/**
 * Embedded mode: the deliveries table is the queue; scheduling only wakes the poller, now or at
 * the time a retry is due (the poller's own tick would find it a little later anyway).
 */
export class InProcessWebhookDeliveryQueue extends WebhookDeliveryQueue {
  private readonly wake = new EventEmitter();

  constructor(private readonly clock: Clock) {
    super();
  }

  onScheduled(listener: () => void): void {
    this.wake.on('due', listener);
  }

  async schedule(deliveries: readonly DueWebhookDelivery[]): Promise<void> {
    const now = this.clock.now().getTime();
    for (const at of new Set(deliveries.map((d) => Math.max(0, d.at.getTime() - now)))) {
      if (at === 0) queueMicrotask(() => this.wake.emit('due'));
      else setTimeout(() => this.wake.emit('due'), at).unref();
    }
  }
}
