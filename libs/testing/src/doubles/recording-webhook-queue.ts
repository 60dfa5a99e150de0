import { type DueWebhookDelivery, WebhookDeliveryQueue } from '@primetrade/domain';

/** Keeps what was scheduled, in order. */
export class RecordingWebhookQueue extends WebhookDeliveryQueue {
  readonly scheduled: DueWebhookDelivery[] = [];

  async schedule(deliveries: readonly DueWebhookDelivery[]): Promise<void> {
    this.scheduled.push(...deliveries);
  }
}
