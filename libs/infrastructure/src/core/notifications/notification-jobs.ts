import type { NotificationJob } from '@primetrade/domain';

export const NOTIFICATIONS_QUEUE = 'notifications';
export const SCAN_JOB = 'scan';
export const DELIVER_JOB = 'deliver';
/** The one cluster-wide schedule; upserting it from every replica keeps a single schedule. */
export const SCAN_SCHEDULER_ID = 'notification-scan';

/** Deterministic job id: the same (type, task) is one job however many scans enqueue it. BullMQ forbids ':' in ids. */
export const deliverJobId = (job: NotificationJob): string => `${job.type}.${job.taskId}`;

export interface NotificationQueueSettings {
  scanIntervalMs: number;
  attempts: number;
  backoffMs: number;
  /** How long a worker's lock on a job lasts; a dead worker's job is taken back after about this long. */
  lockMs: number;
  /**
   * The archive run that follows each scan on the same schedule (ARCHIVE_AFTER): completed tasks
   * unchanged this long move to the archive. 0 or absent: no archive run.
   */
  archiveAfterMs?: number;
}
