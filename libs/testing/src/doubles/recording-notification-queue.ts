import { type NotificationJob, NotificationQueue } from '@primetrade/domain';

/** Keeps what was enqueued, in order, so a spec can assert on the jobs a use case handed over. */
export class RecordingNotificationQueue extends NotificationQueue {
  readonly jobs: NotificationJob[] = [];

  async enqueue(jobs: readonly NotificationJob[]): Promise<void> {
    this.jobs.push(...jobs);
  }
}
