import { Notification, type NotificationPosition, type NotificationType } from '@primetrade/domain';
import { MingoCollection } from '@primetrade/testing';
import { toNotification, toNotificationProps, toNotificationRecord } from './notification.mapper';
import type { NotificationRecord } from './notification.schema';
import {
  awaitingMailQuery,
  noticeFenceUpdate,
  notificationDeliveryUpdate,
  notificationKeyFilter,
  notificationKeysetCondition,
  notificationListQuery,
  ownedNotificationFilter,
  qualifyingTaskFilter,
  unreadNotificationsFilter,
} from './notification.filter';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const MIN = 60_000;
const OWNER = 'owner-a';
const OTHER = 'owner-b';

function make(ownerId: string, id: string, taskId: string, type: NotificationType, createdMinutesAgo: number): Notification {
  return Notification.create({
    id,
    ownerId,
    taskId,
    type,
    taskTitle: `Title of ${taskId}`,
    dueDate: new Date(NOW.getTime() + 60 * MIN),
    now: new Date(NOW.getTime() - createdMinutesAgo * MIN),
  });
}

/** 13 of the owner's (with shared creation times, for the id tie-breaker), 4 of another owner's. */
function fixtures(): Notification[] {
  const mine = Array.from({ length: 13 }, (_, i) =>
    make(OWNER, `n-${String((i * 7) % 13).padStart(2, '0')}`, `task-${i}`, i % 2 ? 'task-due' : 'task-overdue', Math.floor(i / 3) * 10),
  );
  for (const [i, n] of mine.entries()) if (i % 3 === 0) n.markRead(NOW);
  const theirs = Array.from({ length: 4 }, (_, i) => make(OTHER, `m-${i}`, `other-task-${i}`, 'task-due', i));
  return [...mine, ...theirs];
}

const all = fixtures();
const mine = all.filter((n) => n.ownerId === OWNER);
/** The documents exactly as the repository writes them. */
const collection = () => new MingoCollection<NotificationRecord>(all.map(toNotificationRecord));

/** The port's order, written independently: createdAt desc, then id desc. */
const newestFirst = (items: Notification[]) =>
  [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).map((n) => n.id);

function page(
  docs: MingoCollection<NotificationRecord>,
  ownerId: string,
  after: NotificationPosition | null,
  limit: number,
): Notification[] {
  const { filter, sort, limit: l } = notificationListQuery(ownerId, after, limit);
  return docs.find(filter, sort, l).map(toNotification);
}

describe('notification documents (executed by mingo)', () => {
  it('round-trips every field through the stored document', () => {
    for (const n of all) expect(toNotificationProps(toNotificationRecord(n))).toEqual(n.toProps());
    const emailed = make(OWNER, 'x', 't', 'task-due', 0);
    emailed.markEmailed(NOW);
    expect(toNotification(toNotificationRecord(emailed)).toProps()).toEqual(emailed.toProps());
  });

  it('reads a document whose readAt/emailedAt fields are missing as null', () => {
    const { readAt, emailedAt, ...bare } = toNotificationRecord(make(OWNER, 'x', 't', 'task-due', 0));
    expect([readAt, emailedAt]).toEqual([null, null]);
    expect(toNotificationProps(bare as NotificationRecord)).toMatchObject({ readAt: null, emailedAt: null });
  });

  it('has fixtures with ties on createdAt, read and unread, and another owner', () => {
    expect(new Set(mine.map((n) => n.createdAt.getTime())).size).toBeLessThan(mine.length);
    expect(mine.some((n) => n.readAt) && mine.some((n) => !n.readAt)).toBe(true);
  });

  describe('find and update', () => {
    it('finds a notification only under its owner', () => {
      const docs = collection();
      expect(
        docs
          .find(ownedNotificationFilter(OWNER, 'n-03'))
          .map(toNotification)
          .map((n) => n.id),
      ).toEqual(['n-03']);
      expect(docs.find(ownedNotificationFilter(OTHER, 'n-03'))).toEqual([]);
      expect(docs.find(ownedNotificationFilter(OWNER, 'ghost'))).toEqual([]);
    });

    it('finds the stored notification of a task and type (what insertIfAbsent returns on a duplicate key)', () => {
      const docs = collection();
      const target = mine[4];
      const found = docs.find(notificationKeyFilter(OWNER, target.taskId, target.type));
      expect(found.map(toNotification).map((n) => n.toProps())).toEqual([target.toProps()]);
      const otherType: NotificationType = target.type === 'task-due' ? 'task-overdue' : 'task-due';
      expect(docs.find(notificationKeyFilter(OWNER, target.taskId, otherType))).toEqual([]);
      expect(docs.find(notificationKeyFilter(OTHER, target.taskId, target.type))).toEqual([]);
      expect(notificationKeyFilter(OWNER, 't1', 'task-due')).toEqual({ owner: OWNER, taskId: 't1', type: 'task-due' });
    });

    it('saves readAt and emailedAt on the owner’s notification only, and nothing else', () => {
      const docs = collection();
      const stored = toNotification(docs.find(ownedNotificationFilter(OWNER, 'n-01'))[0]);
      expect(stored.readAt).toBeNull();
      stored.markRead(new Date(NOW.getTime() + MIN));
      stored.markEmailed(new Date(NOW.getTime() + 2 * MIN));
      expect(docs.updateOne(ownedNotificationFilter(OWNER, stored.id), notificationDeliveryUpdate(stored)).matchedCount).toBe(1);
      expect(toNotification(docs.find(ownedNotificationFilter(OWNER, 'n-01'))[0]).toProps()).toEqual(stored.toProps());
      expect(docs.updateOne(ownedNotificationFilter(OTHER, stored.id), notificationDeliveryUpdate(stored)).matchedCount).toBe(0);
      expect(Object.keys(notificationDeliveryUpdate(stored)['$max'] as object).sort()).toEqual(['emailedAt', 'readAt']);
      // A copy read before the notice was marked read (the delivery) does not clear readAt.
      const delivery = toNotification(docs.find(ownedNotificationFilter(OWNER, 'n-01'))[0]);
      const older = Notification.restore({ ...delivery.toProps(), readAt: null });
      docs.updateOne(ownedNotificationFilter(OWNER, stored.id), notificationDeliveryUpdate(older));
      expect(toNotification(docs.find(ownedNotificationFilter(OWNER, 'n-01'))[0]).readAt).toEqual(stored.readAt);
    });
  });

  describe('unread count', () => {
    it('counts the owner’s notifications without readAt', () => {
      const docs = collection();
      expect(docs.find(unreadNotificationsFilter(OWNER))).toHaveLength(mine.filter((n) => n.readAt === null).length);
      expect(docs.find(unreadNotificationsFilter(OTHER))).toHaveLength(4);
      expect(docs.find(unreadNotificationsFilter('nobody'))).toHaveLength(0);
    });

    it('goes down when one is marked read, and counts a document without the field as unread', () => {
      const docs = collection();
      const before = docs.find(unreadNotificationsFilter(OWNER)).length;
      const n = toNotification(docs.find(unreadNotificationsFilter(OWNER))[0]);
      n.markRead(NOW);
      docs.updateOne(ownedNotificationFilter(OWNER, n.id), notificationDeliveryUpdate(n));
      expect(docs.find(unreadNotificationsFilter(OWNER))).toHaveLength(before - 1);
      const { readAt: _readAt, ...bare } = toNotificationRecord(make(OWNER, 'bare', 't', 'task-due', 0));
      expect(new MingoCollection([bare]).find(unreadNotificationsFilter(OWNER))).toHaveLength(1);
    });
  });

  describe('newest-first keyset list', () => {
    it('sorts by createdAt then _id, both descending, and keeps the owner at the top level', () => {
      expect(notificationListQuery(OWNER, null, 5)).toEqual({ filter: { owner: OWNER }, sort: { createdAt: -1, _id: -1 }, limit: 5 });
      const { filter } = notificationListQuery(OWNER, { createdAt: 1000, id: 'n9' }, 5);
      expect(filter).toEqual({
        owner: OWNER,
        $or: [{ createdAt: { $lt: new Date(1000) } }, { createdAt: new Date(1000), _id: { $lt: 'n9' } }],
      });
      expect(notificationKeysetCondition({ createdAt: 1000, id: 'n9' })).toEqual({ $or: filter['$or'] });
    });

    it('lists only the owner’s notifications, newest first', () => {
      expect(page(collection(), OWNER, null, 100).map((n) => n.id)).toEqual(newestFirst(mine));
      expect(page(collection(), 'nobody', null, 100)).toEqual([]);
    });

    for (const limit of [1, 2, 3, 5, 13]) {
      it(`pages through every notification, ${limit} a page, strictly after the position, without gaps or repeats`, () => {
        const docs = collection();
        const seen: string[] = [];
        let after: NotificationPosition | null = null;
        for (let pageNo = 0; pageNo < 100; pageNo++) {
          const items = page(docs, OWNER, after, limit);
          seen.push(...items.map((n) => n.id));
          if (items.length < limit) break;
          const last = items[items.length - 1];
          after = { createdAt: last.createdAt.getTime(), id: last.id };
        }
        expect(seen).toEqual(newestFirst(mine));
      });
    }

    it('never returns the position itself, nor anything newer', () => {
      const docs = collection();
      const ordered = newestFirst(mine);
      const at = mine.find((n) => n.id === ordered[4]) as Notification;
      const rest = page(docs, OWNER, { createdAt: at.createdAt.getTime(), id: at.id }, 100).map((n) => n.id);
      expect(rest).toEqual(ordered.slice(5));
    });
  });
});

describe('the notice’s task condition (executed by mingo)', () => {
  const at = new Date('2026-06-15T12:00:00.000Z');
  const HOUR = 3_600_000;
  const dueBy = new Date(at.getTime() + 24 * HOUR);
  const task = (id: string, owner: string, status: string, dueDate: Date | null) => ({ _id: id, owner, status, dueDate });
  const tasks = () =>
    new MingoCollection<Record<string, unknown>>([
      task('open', 'u1', 'todo', new Date(at.getTime() + HOUR)),
      task('started', 'u1', 'in_progress', new Date(at.getTime() + HOUR)),
      task('done', 'u1', 'completed', new Date(at.getTime() + HOUR)),
      task('cancelled', 'u1', 'cancelled', new Date(at.getTime() + HOUR)),
      task('later', 'u1', 'todo', new Date(at.getTime() + 48 * HOUR)),
      task('undated', 'u1', 'todo', null),
      task('theirs', 'u2', 'todo', new Date(at.getTime() + HOUR)),
    ]);

  it('matches only an open task of the owner due at or before dueBy', () => {
    const docs = tasks();
    const matches = (id: string, owner = 'u1') => docs.find(qualifyingTaskFilter(owner, id, dueBy)).length;
    expect(['open', 'started', 'done', 'cancelled', 'later', 'undated'].map((id) => matches(id))).toEqual([1, 1, 0, 0, 0, 0]);
    expect(matches('theirs')).toBe(0);
    expect(matches('theirs', 'u2')).toBe(1);
  });

  it('writes the fence to that task only (the write a concurrent completion conflicts with)', () => {
    const docs = tasks();
    expect(docs.updateOne(qualifyingTaskFilter('u1', 'open', dueBy), noticeFenceUpdate(at)).matchedCount).toBe(1);
    expect(docs.updateOne(qualifyingTaskFilter('u1', 'done', dueBy), noticeFenceUpdate(at)).matchedCount).toBe(0);
    expect(docs.find({ noticeCheckedAt: at }).map((d) => d['_id'])).toEqual(['open']);
  });
});

describe('notices awaiting their mail (executed by mingo)', () => {
  it('finds unmailed notices created before the cut-off, oldest first, across owners', () => {
    const at = (ms: number) => new Date(Date.UTC(2026, 5, 15) + ms);
    const docs = new MingoCollection<Record<string, unknown>>([
      { _id: 'b', owner: 'u2', createdAt: at(2000), emailedAt: null },
      { _id: 'a', owner: 'u1', createdAt: at(1000), emailedAt: null },
      { _id: 'c', owner: 'u1', createdAt: at(1500), emailedAt: at(1600) },
      { _id: 'd', owner: 'u1', createdAt: at(9000), emailedAt: null },
    ]);
    const { filter, sort } = awaitingMailQuery(at(5000));
    expect(docs.find(filter, sort).map((d) => d['_id'])).toEqual(['a', 'b']);
  });
});
