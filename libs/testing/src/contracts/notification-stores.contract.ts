import {
  DUE_NOTICE_WINDOW_MS,
  type DueTask,
  type DueTaskScanner,
  type Mailer,
  Notification,
  type NotificationPosition,
  type NotificationRepository,
  type NotificationType,
  OPEN_TASK_STATUSES,
  Task,
  type TaskRepository,
  type TaskView,
  UserPreferences,
  type UserPreferencesRepository,
} from '@primetrade/domain';
import { fixtureTasks, NOW } from './task-fixtures';

/** The notification ports of one adapter family, with what the contract needs to seed and observe them. */
export interface NotificationStores {
  notifications: NotificationRepository;
  scanner: DueTaskScanner;
  outbox: Mailer;
  /** The same store's task repository: the scanner reads what it wrote. */
  tasks: TaskRepository;
  /** The same store's preferences: the scanner keeps each owner's "due soon" lead. */
  preferences: UserPreferencesRepository;
  /** How many messages the outbox holds under `idempotencyKey`. */
  outboxCount(idempotencyKey: string): Promise<number>;
  dispose(): Promise<void>;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const UNTIL = new Date(NOW.getTime() + DUE_NOTICE_WINDOW_MS);

function notification(id: string, ownerId: string, taskId: string, type: NotificationType, createdAt = NOW): Notification {
  return Notification.create({
    id,
    ownerId,
    taskId,
    type,
    taskTitle: `Task ${taskId}`,
    dueDate: new Date(NOW.getTime() + HOUR),
    now: createdAt,
  });
}

function edgeTask(id: string, ownerId: string, dueDate: Date | null): Task {
  const t = Task.create({ id, ownerId, title: `Task ${id}`, dueDate, now: new Date(NOW.getTime() - 500 * HOUR) });
  t.pullEvents();
  return Task.restore(t.toProps());
}

/** The port's definition of a scan, written independently of any adapter. */
function referenceScan(views: TaskView[], now: Date, until: Date, limit: number, notified: Set<string>): DueTask[] {
  return views
    .filter((t) => OPEN_TASK_STATUSES.includes(t.status) && t.dueDate !== null && t.dueDate.getTime() <= until.getTime())
    .sort((a, b) => (a.dueDate as Date).getTime() - (b.dueDate as Date).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((t): DueTask => ({
      taskId: t.id,
      ownerId: t.ownerId,
      type: (t.dueDate as Date).getTime() <= now.getTime() ? 'task-overdue' : 'task-due',
      dueDate: t.dueDate as Date,
    }))
    .filter((d) => !notified.has(`${d.type}:${d.taskId}`))
    .slice(0, limit);
}

/**
 * The behaviour every notification store must show (NotificationRepository, DueTaskScanner and
 * the outbox Mailer). `open` returns fresh, empty stores for each test.
 */
export function describeNotificationStoresContract(name: string, open: () => Promise<NotificationStores>): void {
  describe(`notification stores contract: ${name}`, () => {
    let stores: NotificationStores;
    beforeEach(async () => {
      stores = await open();
    });
    afterEach(async () => {
      await stores.dispose();
    });

    describe('NotificationRepository', () => {
      it('inserts a notification and finds it under its owner only', async () => {
        const n = notification('n1', 'owner-a', 't1', 'task-due');
        expect((await stores.notifications.insertIfAbsent(n)).toProps()).toEqual(n.toProps());
        expect((await stores.notifications.findById('owner-a', 'n1'))?.toProps()).toEqual(n.toProps());
        expect(await stores.notifications.findById('owner-b', 'n1')).toBeNull();
        expect(await stores.notifications.findById('owner-a', 'ghost')).toBeNull();
      });

      it('keeps one notification per task and type, returning the stored one', async () => {
        const first = notification('n1', 'owner-a', 't1', 'task-due');
        await stores.notifications.insertIfAbsent(first);
        const again = await stores.notifications.insertIfAbsent(
          notification('n2', 'owner-a', 't1', 'task-due', new Date(NOW.getTime() + MIN)),
        );
        expect(again.toProps()).toEqual(first.toProps());
        expect(await stores.notifications.findById('owner-a', 'n2')).toBeNull();
        // Another type for the same task is another notification.
        const overdue = await stores.notifications.insertIfAbsent(notification('n3', 'owner-a', 't1', 'task-overdue'));
        expect(overdue.id).toBe('n3');
        expect((await stores.notifications.list('owner-a', null, 10)).map((n) => n.id).sort()).toEqual(['n1', 'n3']);
      });

      it('returns the stored state on a duplicate, e.g. that it was already e-mailed', async () => {
        const first = notification('n1', 'owner-a', 't1', 'task-due');
        await stores.notifications.insertIfAbsent(first);
        first.markEmailed(new Date(NOW.getTime() + MIN));
        await stores.notifications.update(first);
        const again = await stores.notifications.insertIfAbsent(notification('n2', 'owner-a', 't1', 'task-due'));
        expect(again.emailedAt).toEqual(new Date(NOW.getTime() + MIN));
      });

      it('lets exactly one of several concurrent inserts of the same task and type win', async () => {
        const attempts = Array.from({ length: 6 }, (_, i) => notification(`n${i}`, 'owner-a', 't1', 'task-overdue'));
        const results = await Promise.all(attempts.map((n) => stores.notifications.insertIfAbsent(n)));
        expect(new Set(results.map((n) => n.id)).size).toBe(1);
        expect(await stores.notifications.list('owner-a', null, 10)).toHaveLength(1);
      });

      it('saves readAt and emailedAt, and counts unread per owner', async () => {
        for (const [i, owner] of ['owner-a', 'owner-a', 'owner-a', 'owner-b'].entries()) {
          await stores.notifications.insertIfAbsent(notification(`n${i}`, owner, `t${i}`, 'task-due'));
        }
        expect(await stores.notifications.countUnread('owner-a')).toBe(3);
        expect(await stores.notifications.countUnread('owner-b')).toBe(1);
        expect(await stores.notifications.countUnread('nobody')).toBe(0);

        const n = (await stores.notifications.findById('owner-a', 'n1')) as Notification;
        n.markRead(new Date(NOW.getTime() + MIN));
        n.markEmailed(new Date(NOW.getTime() + 2 * MIN));
        await stores.notifications.update(n);
        expect((await stores.notifications.findById('owner-a', 'n1'))?.toProps()).toEqual(n.toProps());
        expect(await stores.notifications.countUnread('owner-a')).toBe(2);
        expect(await stores.notifications.countUnread('owner-b')).toBe(1);
      });

      it('does not let an update under another owner touch the notification', async () => {
        await stores.notifications.insertIfAbsent(notification('n1', 'owner-a', 't1', 'task-due'));
        const forged = Notification.restore({ ...notification('n1', 'owner-b', 't1', 'task-due').toProps(), readAt: NOW });
        await stores.notifications.update(forged);
        expect((await stores.notifications.findById('owner-a', 'n1'))?.readAt).toBeNull();
      });

      it('lists newest first (createdAt desc, id desc), strictly after the position, owner by owner', async () => {
        const created: Notification[] = [];
        for (let i = 0; i < 11; i++) {
          // Pairs share a creation time, so the id breaks ties; ids are not in creation order.
          const n = notification(
            `n-${String((i * 5) % 11).padStart(2, '0')}`,
            'owner-a',
            `t${i}`,
            'task-due',
            new Date(NOW.getTime() - Math.floor(i / 2) * MIN),
          );
          created.push(n);
          await stores.notifications.insertIfAbsent(n);
        }
        await stores.notifications.insertIfAbsent(notification('other', 'owner-b', 'tx', 'task-due'));
        const expected = [...created]
          .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
          .map((n) => n.id);

        expect((await stores.notifications.list('owner-a', null, 100)).map((n) => n.id)).toEqual(expected);
        for (const limit of [1, 3, 4]) {
          const seen: string[] = [];
          let after: NotificationPosition | null = null;
          for (let page = 0; page < 50; page++) {
            const items = await stores.notifications.list('owner-a', after, limit);
            seen.push(...items.map((n) => n.id));
            if (items.length < limit) break;
            const last = items[items.length - 1];
            after = { createdAt: last.createdAt.getTime(), id: last.id };
          }
          expect([limit, seen]).toEqual([limit, expected]);
        }
        expect((await stores.notifications.list('owner-b', null, 100)).map((n) => n.id)).toEqual(['other']);
      });
    });

    describe('DueTaskScanner', () => {
      async function seed(): Promise<TaskView[]> {
        const tasks = [
          ...fixtureTasks('owner-a', 14),
          ...fixtureTasks('owner-b', 9, 'b-task'),
          edgeTask('edge-now', 'owner-c', NOW),
          edgeTask('edge-until', 'owner-c', UNTIL),
          edgeTask('edge-after', 'owner-c', new Date(UNTIL.getTime() + 1)),
          edgeTask('tie-a', 'owner-a', new Date(NOW.getTime() + 5 * HOUR)),
          edgeTask('tie-b', 'owner-b', new Date(NOW.getTime() + 5 * HOUR)),
        ];
        for (const t of tasks) await stores.tasks.insert(t);
        return tasks.map((t) => t.toProps());
      }

      it('finds open tasks due in the window across owners, earliest first, with the type each needs', async () => {
        const views = await seed();
        const expected = referenceScan(views, NOW, UNTIL, 1000, new Set());
        expect(expected.length).toBeGreaterThan(5);
        expect(await stores.scanner.findDue(NOW, UNTIL, 1000)).toEqual(expected);
        const types = new Map(expected.map((d) => [d.taskId, d.type]));
        expect([types.get('edge-now'), types.get('edge-until'), types.has('edge-after')]).toEqual(['task-overdue', 'task-due', false]);
      });

      it('leaves out tasks that have the notification of that type, and stops at the limit', async () => {
        const views = await seed();
        const first = await stores.scanner.findDue(NOW, UNTIL, 3);
        expect(first).toEqual(referenceScan(views, NOW, UNTIL, 3, new Set()));
        const notified = new Set<string>();
        for (const [i, d] of first.entries()) {
          await stores.notifications.insertIfAbsent(notification(`n${i}`, d.ownerId, d.taskId, d.type));
          notified.add(`${d.type}:${d.taskId}`);
        }
        // The other type does not count.
        const due = first.find((d) => d.type === 'task-overdue');
        if (due) await stores.notifications.insertIfAbsent(notification('n-other-type', due.ownerId, due.taskId, 'task-due'));
        expect(await stores.scanner.findDue(NOW, UNTIL, 1000)).toEqual(referenceScan(views, NOW, UNTIL, 1000, notified));
      });

      it('keeps a "due soon" task only within its owner’s lead; overdue tasks whatever the lead', async () => {
        const lead = async (ownerId: string, dueSoonLead: '15m' | '1h' | 'none') => {
          const p = UserPreferences.defaults(ownerId);
          p.change({ dueSoonLead }, NOW);
          await stores.preferences.save(p);
        };
        await lead('quarter', '15m');
        await lead('hour', '1h');
        await lead('never', 'none');
        for (const owner of ['quarter', 'hour', 'never', 'default']) {
          for (const [suffix, offset] of [
            ['late', -HOUR],
            ['10m', 10 * MIN],
            ['30m', 30 * MIN],
            ['5h', 5 * HOUR],
          ] as const) {
            await stores.tasks.insert(edgeTask(`${owner}-${suffix}`, owner, new Date(NOW.getTime() + offset)));
          }
        }
        const found = await stores.scanner.findDue(NOW, UNTIL, 1000);
        expect(found.map((d) => `${d.type}:${d.taskId}`).sort()).toEqual(
          [
            ...['quarter', 'hour', 'never', 'default'].map((o) => `task-overdue:${o}-late`),
            'task-due:quarter-10m',
            'task-due:hour-10m',
            'task-due:hour-30m',
            'task-due:default-10m',
            'task-due:default-30m',
            'task-due:default-5h',
          ].sort(),
        );
        expect(found.find((d) => d.taskId === 'hour-30m')?.dueDate).toEqual(new Date(NOW.getTime() + 30 * MIN));
      });

      it('finds nothing once every due task is notified, and nothing long before every due date', async () => {
        await seed();
        for (const [i, d] of (await stores.scanner.findDue(NOW, UNTIL, 1000)).entries()) {
          await stores.notifications.insertIfAbsent(notification(`n${i}`, d.ownerId, d.taskId, d.type));
        }
        expect(await stores.scanner.findDue(NOW, UNTIL, 1000)).toEqual([]);
        expect(await stores.scanner.findDue(new Date(0), new Date(DUE_NOTICE_WINDOW_MS), 1000)).toEqual([]);
      });
    });

    describe('outbox Mailer', () => {
      it('stores each message once per idempotency key', async () => {
        const message = {
          userId: 'u1',
          to: 'ada@example.com',
          subject: 'Task due soon: x',
          text: 'Your task "x" is due.',
          idempotencyKey: 'task-due:t1',
        };
        await stores.outbox.send(message);
        await stores.outbox.send(message);
        await Promise.all([stores.outbox.send(message), stores.outbox.send(message)]);
        expect(await stores.outboxCount('task-due:t1')).toBe(1);
        await stores.outbox.send({ ...message, idempotencyKey: 'task-overdue:t1' });
        expect(await stores.outboxCount('task-overdue:t1')).toBe(1);
        expect(await stores.outboxCount('never-sent')).toBe(0);
      });
    });
  });
}
