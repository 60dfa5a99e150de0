import { Command } from '@nestjs/cqrs';

export interface ScanOutcome {
  enqueued: number;
  /** Daily digests mailed by this scan. */
  digests: number;
}

/**
 * Finds tasks that came due (within each owner's lead time) or went overdue and enqueues one job
 * per missing notification; then mails the daily digests whose local hour has come.
 */
export class ScanDueTasksCommand extends Command<ScanOutcome> {
  /** Upper bound per scan; the next scan takes the rest. */
  static readonly BATCH = 1000;
  /** A notice younger than this may still be in its delivery: not re-enqueued yet. */
  static readonly MAIL_GRACE_MS = 30_000;
}
