import { randomBytes } from 'node:crypto';
import { Notification, Task, User } from '@primetrade/domain';
import { SealedText } from '../../core/notifications/sealed-text';
import { openTaskProps, toSealedTaskRecord } from '../tasks/task.mapper';
import { toUser, toUserRecord, type UserFieldProtection } from '../identity/user.mapper';
import { openNotification, toNotificationRecord, toSealedNotificationRecord } from '../notifications/notification.mapper';
import { openOutboxRecord, toOutboxRecord, toSealedOutboxRecord } from '../notifications/outbox.mapper';
import type { NotificationRecord } from '../notifications/notification.schema';
import type { OutboxRecord } from '../notifications/outbox.schema';
import type { TaskRecord } from '../tasks/task.schema';
import type { UserRecord } from '../identity/user.schema';
import type { MongoDocument } from '../connection/mongo-query.types';
import { MingoCollection } from '@primetrade/testing';
import { TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { BlindIndex } from '../../core/security/blind-index';
import {
  MongoKeyRotation,
  type MongoRotationCollections,
  type RotationCollection,
  rotationBatchQuery,
  ROTATION_SELECTORS,
} from './mongo-key-rotation';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const [k1, k2, blind] = [randomBytes(32), randomBytes(32), randomBytes(32)];
const cipher = (active: string, keys: [string, Buffer][]) =>
  new AesGcmContentCipher({ keys: new Map(keys), activeKeyId: active, blindIndexKey: blind });
const old = cipher('k1', [['k1', k1]]);
const rotating = cipher('k2', [
  ['k1', k1],
  ['k2', k2],
]);
const onlyNew = cipher('k2', [['k2', k2]]);
const index = new BlindIndex(blind);

const fields = (c: AesGcmContentCipher): UserFieldProtection => {
  const text = new SealedText(c);
  return {
    seal: (id, f, v) => text.seal(v, `users/${id}/${f}`),
    open: (id, f, v) => text.open(v, `users/${id}/${f}`),
    emailIndex: (e) => index.of('users.email', e),
  };
};

/** The rotation's collection port over mingo: the adapter's query and update documents, run in memory. */
class MingoRotationCollection<R extends object> implements RotationCollection<R> {
  readonly queries: { filter: MongoDocument; limit: number }[] = [];
  /** Runs after a batch is read, before its updates: what the app might write meanwhile. */
  afterFind?: () => void;
  constructor(readonly docs: MingoCollection<R>) {}
  async find(filter: MongoDocument, sort: MongoDocument, limit: number): Promise<R[]> {
    this.queries.push({ filter, limit });
    const found = this.docs.find(filter, sort as never, limit).map((d) => structuredClone(d));
    this.afterFind?.();
    return found;
  }
  async apply(updates: { filter: MongoDocument; update: MongoDocument }[]): Promise<number> {
    return updates.reduce((n, u) => n + this.docs.updateOne(u.filter, u.update).matchedCount, 0);
  }
}

const user = (i: number) =>
  User.restore({
    id: `u${i}`,
    name: `Name ${i}`,
    email: `u${i}@example.com`,
    passwordHash: 'h',
    isActive: true,
    emailConfirmedAt: null,
    createdAt: NOW,
    updatedAt: NOW,
  });
const task = (i: number) => {
  const t = Task.create({ id: `t${i}`, ownerId: 'u0', title: `Title ${i}`, description: `Text ${i}`, now: NOW });
  t.pullEvents();
  return Task.restore(t.toProps());
};
const notification = (i: number) =>
  Notification.create({ id: `n${i}`, ownerId: 'u0', taskId: `t${i}`, type: 'task-due', taskTitle: `Title ${i}`, dueDate: NOW, now: NOW });
const mail = (i: number) => ({
  userId: 'u1',
  to: `u${i}@example.com`,
  subject: `Task due soon: Title ${i}`,
  text: `Your task "Title ${i}" is due.`,
  idempotencyKey: `task-due:t${i}`,
});

function seed() {
  const text = new SealedText(old);
  const sealer = new TaskContentSealer(old, true);
  const users = new MingoCollection<UserRecord>(
    [
      ...[0, 1, 2, 3, 4].map((i) => toUserRecord(user(i), fields(old))),
      ...[5, 6].map((i) => ({
        ...toUserRecord(user(i), fields(old)),
        name: `Name ${i}`,
        email: `u${i}@example.com`,
        emailIndex: undefined,
      })),
    ].map((r) => {
      if (r.emailIndex === undefined) delete (r as Partial<UserRecord>).emailIndex;
      return r;
    }),
  );
  const tasks = new MingoCollection<TaskRecord>([
    ...[0, 1, 2, 3].map((i) => toSealedTaskRecord(task(i), sealer)),
    ...[4, 5].map((i) => toSealedTaskRecord(task(i), new TaskContentSealer(null, false))),
  ]);
  const archivedTasks = new MingoCollection<TaskRecord>([toSealedTaskRecord(task(6), sealer)]);
  const notifications = new MingoCollection<NotificationRecord>([
    ...[0, 1, 2].map((i) => toSealedNotificationRecord(notification(i), text)),
    toNotificationRecord(notification(3)),
  ]);
  const outbox = new MingoCollection<OutboxRecord>([
    ...[0, 1, 2].map((i) => toSealedOutboxRecord(mail(i), NOW, text)),
    toOutboxRecord(mail(3), NOW),
  ]);
  const collections = {
    users: new MingoRotationCollection(users),
    tasks: new MingoRotationCollection(tasks),
    archivedTasks: new MingoRotationCollection(archivedTasks),
    notifications: new MingoRotationCollection(notifications),
    outbox: new MingoRotationCollection(outbox),
  };
  return { users, tasks, archivedTasks, notifications, outbox, collections: collections as MongoRotationCollections & typeof collections };
}

describe('MongoKeyRotation (query and update documents run with mingo)', () => {
  it('selects batches in _id order after the last one, within the selector', () => {
    const docs = new MingoCollection([{ _id: 'a', sealed: true }, { _id: 'b' }, { _id: 'c', sealed: true }, { _id: 'd', sealed: true }]);
    const first = rotationBatchQuery(ROTATION_SELECTORS.notifications, null, 2);
    expect(docs.find(first.filter, first.sort as never, first.limit).map((d) => d._id)).toEqual(['a', 'c']);
    const next = rotationBatchQuery(ROTATION_SELECTORS.notifications, 'c', 2);
    expect(docs.find(next.filter, next.sort as never, next.limit).map((d) => d._id)).toEqual(['d']);
    expect(docs.find(rotationBatchQuery(ROTATION_SELECTORS.tasks(true), 'b', 10).filter).map((d) => d._id)).toEqual(['c', 'd']);
  });

  it('re-seals users, tasks, notifications and the outbox under the active key, seals plaintext ones, in batches; a second run has nothing to do', async () => {
    const s = seed();
    const batches: number[] = [];
    const progress = await new MongoKeyRotation(s.collections, rotating, blind).run({
      batchSize: 2,
      onBatch: (p) => batches.push(p.users.scanned),
    });
    expect(progress).toEqual({
      users: { scanned: 7, resealed: 7 },
      tasks: { scanned: 5, resealed: 5 }, // archived one included; the flag is off: plaintext tasks stay as they are
      notifications: { scanned: 4, resealed: 4 },
      outbox: { scanned: 4, resealed: 4 },
      webhooks: { scanned: 0, resealed: 0 },
      files: { scanned: 0, resealed: 0 },
    });
    expect(batches.slice(0, 4)).toEqual([2, 4, 6, 7]);
    expect(s.collections.users.queries.every((q) => q.limit === 2)).toBe(true);

    // Readable with the new key alone; no plaintext email, name or title left (but the plaintext tasks).
    expect(s.users.find({}).map((r) => toUser(r, fields(onlyNew)).email)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `u${i}@example.com`));
    expect(JSON.stringify(s.users.docs)).not.toMatch(/example\.com|Name \d/);
    const sealer = new TaskContentSealer(onlyNew, true);
    expect(s.tasks.find({}).map((r) => openTaskProps(r, sealer).title)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `Title ${i}`));
    expect(s.archivedTasks.find({}).map((r) => openTaskProps(r, sealer).title)).toEqual(['Title 6']);
    const text = new SealedText(onlyNew);
    expect(s.notifications.find({}).map((r) => openNotification(r, text).taskTitle)).toEqual(['Title 0', 'Title 1', 'Title 2', 'Title 3']);
    expect(s.outbox.find({}).map((r) => openOutboxRecord(r, text).to)).toEqual([
      'u0@example.com',
      'u1@example.com',
      'u2@example.com',
      'u3@example.com',
    ]);
    expect(JSON.stringify([s.notifications.docs, s.outbox.docs])).not.toMatch(/example\.com|Title \d/);

    const again = await new MongoKeyRotation(s.collections, rotating, blind).run({ batchSize: 2 });
    expect(again).toMatchObject({
      users: { resealed: 0 },
      tasks: { resealed: 0 },
      notifications: { resealed: 0 },
      outbox: { resealed: 0 },
    });
  });

  it('with ENCRYPT_TASK_CONTENT on seals the plaintext tasks too', async () => {
    const s = seed();
    const progress = await new MongoKeyRotation(s.collections, rotating, blind, { sealTaskContent: true }).run({ batchSize: 4 });
    expect(progress.tasks).toEqual({ scanned: 7, resealed: 7 });
    expect(s.tasks.docs.every((r) => r.contentSealed === true)).toBe(true);
    expect(JSON.stringify(s.tasks.docs)).not.toMatch(/Title \d|Text \d/);
    expect(openTaskProps(s.tasks.find({ _id: 't5' })[0], new TaskContentSealer(onlyNew, true))).toMatchObject({
      title: 'Title 5',
      description: 'Text 5',
    });
  });

  it('keeps a write the app made between read and update (compare-and-set)', async () => {
    const s = seed();
    const appWrite = toSealedNotificationRecord(
      Notification.restore({ ...notification(1).toProps(), taskTitle: 'Renamed' }),
      new SealedText(rotating),
    );
    s.collections.notifications.afterFind = () => {
      s.notifications.updateOne({ _id: 'n1' }, { $set: { taskTitle: appWrite.taskTitle } });
      s.collections.notifications.afterFind = undefined;
    };
    const progress = await new MongoKeyRotation(s.collections, rotating, blind).run({ batchSize: 10 });
    // n3 (plaintext) sealed in the first pass, whose read triggered the app's write; n0 and n2 re-sealed; n1 left as the app wrote it.
    expect(progress.notifications).toEqual({ scanned: 4, resealed: 3 });
    expect(openNotification(s.notifications.find({ _id: 'n1' })[0], new SealedText(onlyNew)).taskTitle).toBe('Renamed');
  });

  it('is resumable: a run stopped after its first batch is just started again', async () => {
    const s = seed();
    let calls = 0;
    const stop = () => {
      if (++calls === 1) throw new Error('stopped');
    };
    await expect(new MongoKeyRotation(s.collections, rotating, blind).run({ batchSize: 2, onBatch: stop })).rejects.toThrow('stopped');
    const after = await new MongoKeyRotation(s.collections, rotating, blind).run({ batchSize: 2 });
    // Done before the stop: the two plaintext users (sealed first) and the first batch of sealed ones.
    expect(after.users).toEqual({ scanned: 7, resealed: 3 });
    expect(s.users.find({}).map((r) => toUser(r, fields(onlyNew)).name)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Name ${i}`));
    expect(s.outbox.find({}).map((r) => openOutboxRecord(r, new SealedText(onlyNew)).subject)).toHaveLength(4);
  });
});
