import {
  createInMemoryPersistence,
  FixedClock,
  InMemoryNotificationRepository,
  InMemoryUserPreferencesRepository,
  RecordingMailer,
  RecordingNotificationQueue,
} from '@primetrade/testing';
import { DailyDigestSender } from '../../daily-digest-sender';
import { Notification } from '../../../model/notification.entity';
import { DUE_NOTICE_WINDOW_MS } from '../../../model/notification.entity';
import { type DueTask, DueTaskScanner } from '../../../ports/due-task-scanner.port';
import { ScanDueTasksCommand } from './scan-due-tasks.command';
import { ScanDueTasksHandler } from './scan-due-tasks.handler';

/** Answers with a fixed list and remembers the window it was asked about. */
class ListedDueTasks extends DueTaskScanner {
  readonly calls: Array<{ now: Date; until: Date; limit: number }> = [];

  constructor(private readonly due: DueTask[]) {
    super();
  }

  async findDue(now: Date, until: Date, limit: number): Promise<DueTask[]> {
    this.calls.push({ now, until, limit });
    return this.due.slice(0, limit);
  }
}

/** The handler with no preferences stored (everyone on the defaults) and nobody taking the digest. */
function handler(
  scanner: DueTaskScanner,
  queue: RecordingNotificationQueue,
  clock: FixedClock,
  notifications: InMemoryNotificationRepository,
) {
  const preferences = new InMemoryUserPreferencesRepository();
  const persistence = createInMemoryPersistence();
  const digests = new DailyDigestSender(preferences, persistence.users, persistence.readModel, new RecordingMailer());
  return new ScanDueTasksHandler(scanner, queue, clock, notifications, preferences, digests);
}

describe('ScanDueTasksHandler', () => {
  it('asks the store for tasks due from now to the notice window and enqueues one job each', async () => {
    const clock = new FixedClock('2026-06-15T12:00:00.000Z');
    const scanner = new ListedDueTasks([
      { taskId: 't1', ownerId: 'u1', type: 'task-overdue', dueDate: new Date('2026-06-15T11:00:00.000Z') },
      { taskId: 't2', ownerId: 'u2', type: 'task-due', dueDate: new Date('2026-06-15T13:00:00.000Z') },
    ]);
    const queue = new RecordingNotificationQueue();

    const outcome = await handler(scanner, queue, clock, new InMemoryNotificationRepository()).execute();

    expect(scanner.calls).toEqual([
      { now: clock.now(), until: new Date(clock.now().getTime() + DUE_NOTICE_WINDOW_MS), limit: ScanDueTasksCommand.BATCH },
    ]);
    expect(queue.jobs).toEqual([
      { taskId: 't1', ownerId: 'u1', type: 'task-overdue' },
      { taskId: 't2', ownerId: 'u2', type: 'task-due' },
    ]);
    expect(outcome).toEqual({ enqueued: 2, digests: 0 });
  });

  it('enqueues nothing when nothing is due', async () => {
    const queue = new RecordingNotificationQueue();
    const outcome = await handler(new ListedDueTasks([]), queue, new FixedClock(), new InMemoryNotificationRepository()).execute();
    expect(queue.jobs).toEqual([]);
    expect(outcome).toEqual({ enqueued: 0, digests: 0 });
  });

  it('enqueues again the stored notices whose mail never went out, once past the grace period', async () => {
    const clock = new FixedClock('2026-06-15T12:00:00.000Z');
    const notifications = new InMemoryNotificationRepository();
    const notice = (id: string, taskId: string, agoMs: number) =>
      Notification.create({
        id,
        ownerId: 'u1',
        taskId,
        type: 'task-due',
        taskTitle: 'x',
        dueDate: clock.now(),
        now: new Date(clock.now().getTime() - agoMs),
      });
    await notifications.insertIfAbsent(notice('n1', 't1', 120_000));
    await notifications.insertIfAbsent(notice('n2', 't2', 1_000)); // may still be in its delivery
    const mailed = notice('n3', 't3', 120_000);
    mailed.markEmailed(clock.now());
    await notifications.insertIfAbsent(mailed);
    const queue = new RecordingNotificationQueue();
    const outcome = await handler(new ListedDueTasks([]), queue, clock, notifications).execute();
    expect(queue.jobs).toEqual([{ taskId: 't1', ownerId: 'u1', type: 'task-due' }]);
    expect(outcome).toEqual({ enqueued: 1, digests: 0 });
  });
});
