import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ArchiveCompletedTasksCommand, ScanDueTasksCommand } from '@primetrade/domain';

/**
 * Single-process mode only: one process means one timer, so a plain interval is right here.
 * With Redis the BullMQ job scheduler takes over (one schedule for any number of replicas).
 */
@Injectable()
export class IntervalScanScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationScan');
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly commands: CommandBus,
    private readonly intervalMs: number,
    /** ARCHIVE_AFTER: the archive run after each scan; 0 turns it off. */
    private readonly archiveAfterMs = 0,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.scan(), this.intervalMs);
    this.timer.unref();
    void this.scan();
  }

  async scan(): Promise<void> {
    if (this.running) return; // a slow scan is not overlapped by the next tick
    this.running = true;
    try {
      await this.commands.execute(new ScanDueTasksCommand());
    } catch (error) {
      this.logger.error(`scan failed: ${(error as Error).message}`);
    }
    try {
      if (this.archiveAfterMs > 0) await this.commands.execute(new ArchiveCompletedTasksCommand(this.archiveAfterMs));
    } catch (error) {
      this.logger.error(`archive run failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
