import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { SCAN_JOB, SCAN_SCHEDULER_ID } from '../../core/notifications/notification-jobs';

const RESTORE_EVERY_MS = 60_000;

/**
 * Upserts the one cluster-wide scan schedule (a BullMQ job scheduler, stored in Redis): any
 * number of replicas upserting it still yields one scan per interval. Built by
 * NotificationsInfrastructureModule with the queue and the interval.
 */
export class ScanSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationScan');

  constructor(
    private readonly queue: Queue,
    private readonly everyMs: number,
  ) {}

  private timer?: NodeJS.Timeout;

  onApplicationBootstrap(): void {
    // Not awaited: while Redis is down BullMQ queues the command until it is back, and the
    // API must boot meanwhile.
    this.upsert().then(
      () => this.logger.log(`scan every ${this.everyMs} ms`),
      (error: Error) => this.logger.error(`scan schedule not set: ${error.message}`),
    );
    // Upserting again is idempotent and restores the schedule if Redis lost its data.
    this.timer = setInterval(() => void this.upsert().catch(() => undefined), RESTORE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async upsert(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SCAN_SCHEDULER_ID,
      { every: this.everyMs },
      // A missed scan is simply done by the next one: no retries, little history.
      { name: SCAN_JOB, opts: { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } } },
    );
  }
}
