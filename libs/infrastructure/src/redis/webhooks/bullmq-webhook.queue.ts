import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Clock, type DueWebhookDelivery, WebhookDeliveryQueue } from '@primetrade/domain';
import type { Queue } from 'bullmq';
import { ATTEMPT_JOB, attemptJobId, WEBHOOKS_QUEUE } from '../../core/webhooks/webhook-jobs';

/** An attempt job per delivery and attempt number, delayed until it is due; BullMQ ignores a job id it has. */
@Injectable()
export class BullMqWebhookDeliveryQueue extends WebhookDeliveryQueue {
  constructor(
    @InjectQueue(WEBHOOKS_QUEUE) private readonly queue: Queue,
    private readonly clock: Clock,
  ) {
    super();
    queue.on('error', () => undefined); // reconnects by itself; readiness reports the outage
  }

  async schedule(deliveries: readonly DueWebhookDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    const now = this.clock.now().getTime();
    await this.queue.addBulk(
      deliveries.map((d) => ({
        name: ATTEMPT_JOB,
        data: { deliveryId: d.id },
        opts: { jobId: attemptJobId(d.id, d.attempts, d.at), delay: Math.max(0, d.at.getTime() - now) },
      })),
    );
  }
}
