import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { type NotificationJob, NotificationQueue } from '@primetrade/domain';
import type { Queue } from 'bullmq';
import { DELIVER_JOB, deliverJobId, NOTIFICATIONS_QUEUE } from '../../core/notifications/notification-jobs';

/** Enqueues delivery jobs in BullMQ; a job id that exists already is ignored by BullMQ. */
@Injectable()
export class BullMqNotificationQueue extends NotificationQueue {
  constructor(@InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue) {
    super();
    queue.on('error', () => undefined); // reconnects by itself; readiness reports the outage
  }

  async enqueue(jobs: readonly NotificationJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue.addBulk(jobs.map((job) => ({ name: DELIVER_JOB, data: job, opts: { jobId: deliverJobId(job) } })));
  }
}
