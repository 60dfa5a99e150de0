import { Task, TaskRepository } from '../../tasks';
import { User } from '../../identity';
import { InvalidCursorError } from '../../shared/application/cursor';
import {
  createInMemoryPersistence,
  FixedClock,
  InMemoryNotificationRepository,
  InMemoryUserPreferencesRepository,
  RecordingMailer,
  SequentialIdGenerator,
} from '@primetrade/testing';
import { NotificationNotFoundError } from '../model/notification.errors';
import {
  DeliverNotificationCommand,
  DeliverNotificationHandler,
  ListNotificationsHandler,
  ListNotificationsQuery,
  MarkNotificationReadCommand,
  MarkNotificationReadHandler,
} from '.';

const HOUR = 3_600_000;

// The notification use cases over the in-memory stores (no Nest container, no mocks).
describe('notification use cases', () => {
  const setup = async () => {
    const persistence = createInMemoryPersistence();
    const clock = new FixedClock();
    const ids = new SequentialIdGenerator();
    const notifications = new InMemoryNotificationRepository(persistence.store);
    const mailer = new RecordingMailer();
    const user = User.register({ id: 'u1', name: 'Ada', email: 'ada@example.com', passwordHash: 'x', now: clock.now() });
    // Reminder mail goes to confirmed addresses only.
    user.confirmEmail(clock.now());
    await persistence.users.create(user);
    const preferences = new InMemoryUserPreferencesRepository();
    const task = Task.create({
      id: 't1',
      ownerId: 'u1',
      title: 'Report',
      dueDate: new Date(clock.now().getTime() + HOUR),
      now: clock.now(),
    });
    await persistence.tasks.insert(task);
    const deliver = new DeliverNotificationHandler(persistence.tasks, persistence.users, notifications, mailer, ids, clock, preferences);
    return { persistence, clock, notifications, mailer, deliver, task, ids, preferences };
  };
  const job = { type: 'task-due' as const, taskId: 't1', ownerId: 'u1' };

  it('delivers once however often the job runs', async () => {
    const { deliver, mailer, notifications } = await setup();
    expect(await deliver.execute(new DeliverNotificationCommand(job))).toBe('delivered');
    expect(await deliver.execute(new DeliverNotificationCommand(job))).toBe('already-delivered');
    expect(mailer.sent).toEqual([
      expect.objectContaining({ to: 'ada@example.com', subject: 'Task due soon: Report', idempotencyKey: 'task-due:t1' }),
    ]);
    expect(mailer.sent[0]!.text).toContain('Your task "Report" is due at');
    expect(mailer.sent[0]!.html).toMatch(/^<p>Hello .+,<\/p><p>Your task &#34;Report&#34; is due at .+<\/p>$/);
    expect(await notifications.countUnread('u1')).toBe(1);
  });

  it('keeps the in-app notification when the mail fails, and mails it on the retry', async () => {
    const { deliver, mailer, notifications } = await setup();
    mailer.failures = 1;
    await expect(deliver.execute(new DeliverNotificationCommand(job))).rejects.toThrow('451');
    const [stored] = await notifications.list('u1', null, 10);
    expect(stored?.emailedAt).toBeNull();
    expect(await deliver.execute(new DeliverNotificationCommand(job))).toBe('delivered');
    expect(mailer.attempts).toBe(2);
    expect(mailer.sent).toHaveLength(1);
    expect(await notifications.list('u1', null, 10)).toHaveLength(1);
  });

  it('skips a task completed since the scan, and an overdue job for a task not yet due', async () => {
    const { deliver, persistence, clock, mailer } = await setup();
    expect(await deliver.execute(new DeliverNotificationCommand({ ...job, type: 'task-overdue' }))).toBe('skipped');
    const stored = (await persistence.tasks.findById('u1', 't1'))!;
    stored.complete(clock.now());
    await persistence.tasks.update(stored);
    expect(await deliver.execute(new DeliverNotificationCommand(job))).toBe('skipped');
    expect(mailer.attempts).toBe(0);
  });

  it("leaves no notice for a task completed between the delivery's read of it and the insert", async () => {
    const { persistence, clock, notifications, mailer, ids, preferences } = await setup();
    // The completion lands right after the handler has read the (still open) task.
    class CompletedAfterRead extends TaskRepository {
      findById = async (ownerId: string, id: string) => {
        const read = await persistence.tasks.findById(ownerId, id);
        const completed = (await persistence.tasks.findById(ownerId, id))!;
        completed.complete(clock.now());
        await persistence.tasks.update(completed);
        return read;
      };
      insert = persistence.tasks.insert.bind(persistence.tasks);
      update = persistence.tasks.update.bind(persistence.tasks);
      delete = persistence.tasks.delete.bind(persistence.tasks);
    }
    const racing = new DeliverNotificationHandler(
      new CompletedAfterRead(),
      persistence.users,
      notifications,
      mailer,
      ids,
      clock,
      preferences,
    );
    expect(await racing.execute(new DeliverNotificationCommand(job))).toBe('skipped');
    expect((await notifications.list('u1', null, 10)).length).toBe(0);
    expect(mailer.attempts).toBe(0);
  });

  it('marks read for the owner only, and refuses a foreign cursor', async () => {
    const { deliver, notifications, clock } = await setup();
    await deliver.execute(new DeliverNotificationCommand(job));
    const [n] = await notifications.list('u1', null, 1);
    const mark = new MarkNotificationReadHandler(notifications, clock);
    await expect(mark.execute(new MarkNotificationReadCommand('u2', n!.id))).rejects.toBeInstanceOf(NotificationNotFoundError);
    expect((await mark.execute(new MarkNotificationReadCommand('u1', n!.id))).readAt).toEqual(clock.now());
    const list = new ListNotificationsHandler(notifications);
    expect((await list.execute(new ListNotificationsQuery('u1'))).unreadCount).toBe(0);
    await expect(list.execute(new ListNotificationsQuery('u1', 10, 'bm9wZQ'))).rejects.toBeInstanceOf(InvalidCursorError);
  });
});
