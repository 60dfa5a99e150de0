import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import { AttemptWebhookDeliveryCommand } from '@primetrade/domain';
import type { Job } from 'bullmq';
import { ATTEMPT_JOB } from '../../core/webhooks/webhook-jobs';

/**
 * Runs webhook attempts through the command bus. The store decides what an attempt does (claim,
 * order, retry time); a job that finds nothing to do completes as `skipped`. Decorated with
 * @Processor by the module.
 */
export class WebhookJobsProcessor extends WorkerHost {
  private readonly logger = new Logger('WebhookJobs');
  private lastError = '';

  constructor(private readonly commands: CommandBus) {
    super();
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    if (error.message !== this.lastError) this.logger.warn(`worker: ${error.message}`);
    this.lastError = error.message;
  }

  @OnWorkerEvent('ready')
  onReady(): void {
    this.lastError = '';
  }

  async process(job: Job<{ deliveryId: string }>): Promise<unknown> {
    if (job.name !== ATTEMPT_JOB) throw new Error(`unknown job ${job.name}`);
    return this.commands.execute(new AttemptWebhookDeliveryCommand(job.data.deliveryId));
  }
}
