import { Command } from '@nestjs/cqrs';

export interface ScanOutcome {
  enqueued: number;
}

/** Finds tasks that came due or went overdue and enqueues one job per missing notification. */
export class ScanDueTasksCommand extends Command<ScanOutcome> {
  /** Upper bound per scan; the next scan takes the rest. */
  static readonly BATCH = 1000;
}
