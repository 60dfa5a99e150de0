import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ArchiveCompletedTasksCommand, DeliverNotificationCommand, type NotificationJob, ScanDueTasksCommand } from '@primetrade/domain';
import type { Job } from 'bullmq';
import { DELIVER_JOB, SCAN_JOB } from '../../core/notifications/notification-jobs';

/**
 * Runs notification jobs through the command bus. Decorated with @Processor by the module, so the
 * worker options (lock duration, stalled checks) come from validated config.
 */
export class NotificationJobsProcessor extends WorkerHost {
  private readonly logger = new Logger('NotificationJobs');

  constructor(
    private readonly commands: CommandBus,
    /** ARCHIVE_AFTER: the archive run rides the one cluster-wide scan schedule; 0 turns it off. */
    private readonly archiveAfterMs = 0,
  ) {
    super();
  }

  /** Connection errors while Redis is down: the worker reconnects by itself; say it once per outage, not per retry. */
  private lastError = '';

  @OnWorkerEvent('error')
  onError(error: Error): void {
    if (error.message !== this.lastError) this.logger.warn(`worker: ${error.message}`);
    this.lastError = error.message;
  }

  @OnWorkerEvent('ready')
  onReady(): void {
    this.lastError = '';
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case SCAN_JOB: {
        const outcome = await this.commands.execute(new ScanDueTasksCommand());
        // After the scan, in the same job: one worker runs it per tick, however many replicas there are.
        const archived = this.archiveAfterMs > 0 ? await this.commands.execute(new ArchiveCompletedTasksCommand(this.archiveAfterMs)) : 0;
        return { ...outcome, archived };
      }
      case DELIVER_JOB: {
        const outcome = await this.commands.execute(new DeliverNotificationCommand(job.data as NotificationJob));
        this.logger.debug(`${job.id}: ${outcome} (attempt ${job.attemptsMade + 1})`);
        return outcome;
      }
      default:
        throw new Error(`unknown job ${job.name}`);
    }
  }
}
