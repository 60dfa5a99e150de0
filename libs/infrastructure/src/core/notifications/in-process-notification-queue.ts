import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DeliverNotificationCommand, type NotificationJob, NotificationQueue, notificationKey } from '@primetrade/domain';

export interface InProcessQueueOptions {
  attempts: number;
  backoffMs: number;
}

/**
 * Single-process mode: runs delivery jobs in this process, one at a time per key, with the
 * same retry policy as the BullMQ adapter. Jobs live in memory; a job lost in a crash is found
 * again by the next scan, because the scan only skips tasks that have their notification.
 */
@Injectable()
export class InProcessNotificationQueue extends NotificationQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('NotificationQueue');
  private readonly pending = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly commands: CommandBus,
    private readonly options: InProcessQueueOptions,
  ) {
    super();
  }

  async enqueue(jobs: readonly NotificationJob[]): Promise<void> {
    for (const job of jobs) {
      const key = notificationKey(job.type, job.taskId);
      if (this.pending.has(key)) continue; // deterministic key: already queued or running
      this.pending.add(key);
      this.schedule(key, job, 1, 0);
    }
  }

  /** How many jobs are queued or running (tests and shutdown). */
  get size(): number {
    return this.pending.size;
  }

  private schedule(key: string, job: NotificationJob, attempt: number, delayMs: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.run(key, job, attempt);
    }, delayMs);
    this.timers.add(timer);
  }

  private async run(key: string, job: NotificationJob, attempt: number): Promise<void> {
    try {
      await this.commands.execute(new DeliverNotificationCommand(job));
      this.pending.delete(key);
    } catch (error) {
      if (attempt >= this.options.attempts) {
        this.logger.error(`notification ${key} failed after ${attempt} attempts: ${(error as Error).message}`);
        this.pending.delete(key);
        return;
      }
      this.schedule(key, job, attempt + 1, this.options.backoffMs * 2 ** (attempt - 1));
    }
  }

  onApplicationShutdown(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
