import { Command } from '@nestjs/cqrs';

export interface ScanOutcome {
  enqueued: number;
}

/** Finds tasks that came due or went overdue and enqueues one job per missing notification. */
export class ScanDueTasksCommand extends Command<ScanOutcome> {
  /** Upper bound per scan; the next scan takes the rest. */
  static readonly BATCH = 1000;
  /** A notice younger than this may still be in its delivery: not re-enqueued yet. */
  static readonly MAIL_GRACE_MS = 30_000;
}
