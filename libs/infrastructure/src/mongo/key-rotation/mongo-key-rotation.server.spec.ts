import { randomBytes, randomUUID } from 'node:crypto';
import { Notification, User } from '@primetrade/domain';
import { type Connection, createConnection } from 'mongoose';
import { MongoNotificationRepository } from '../notifications/mongo-notification.repository';
import { MongoOutboxMailer } from '../notifications/mongo-outbox-mailer';
import { NotificationRecord, NotificationSchema } from '../notifications/notification.schema';
import { OutboxRecord, OutboxSchema } from '../notifications/outbox.schema';
import { MongoUserRepository } from '../identity/mongo-user.repository';
import { TaskRecord, TaskSchema } from '../tasks/task.schema';
import { UserRecord, UserSchema } from '../identity/user.schema';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { BlindIndex } from '../../core/security/blind-index';
import { modelRotationCollection, MongoKeyRotation } from './mongo-key-rotation';

const uri = process.env['MONGODB_URI'];
if (!uri) process.stdout.write('skipped: no MongoDB server (set MONGODB_URI)\n');

const NOW = new Date('2026-06-15T12:00:00.000Z');
const [k1, k2, blind] = [randomBytes(32), randomBytes(32), randomBytes(32)];
const cipher = (active: string, keys: [string, Buffer][]) =>
  new AesGcmContentCipher({ keys: new Map(keys), activeKeyId: active, blindIndexKey: blind });

/** keys:rotate on a real mongod: documents re-sealed in place, readable with the new key alone. */
(uri ? describe : describe.skip)('MongoKeyRotation on a real server', () => {
  let base: Connection;
  let db: Connection;

  beforeAll(async () => {
    base = await createConnection(uri!).asPromise();
    const name = `primetrade_rotation_test_${randomUUID().slice(0, 8)}`;
    if (!name.includes('test')) throw new Error('refusing a database without "test" in its name');
    db = base.useDb(name, { useCache: false });
  });
  afterAll(async () => {
    await db?.dropDatabase();
    await base?.close();
  });

  it('re-seals users, notifications and the outbox so the old key can go', async () => {
    const users = db.model<UserRecord>(UserRecord.name, UserSchema);
    const tasks = db.model<TaskRecord>(TaskRecord.name, TaskSchema);
    const notifications = db.model<NotificationRecord>(NotificationRecord.name, NotificationSchema);
    const outbox = db.model<OutboxRecord>(OutboxRecord.name, OutboxSchema);
    await Promise.all([users.init(), notifications.init(), outbox.init(), tasks.init()]);
    const old = cipher('k1', [['k1', k1]]);
    for (let i = 0; i < 5; i++) {
      await new MongoUserRepository(users, old, new BlindIndex(blind)).create(
        User.restore({
          id: `u${i}`,
          name: `Name ${i}`,
          email: `u${i}@example.com`,
          passwordHash: 'h',
          isActive: true,
          emailConfirmedAt: null,
          createdAt: NOW,
          updatedAt: NOW,
        }),
      );
      await new MongoNotificationRepository(notifications, old).insertIfAbsent(
        Notification.create({
          id: `n${i}`,
          ownerId: `u${i}`,
          taskId: `t${i}`,
          type: 'task-due',
          taskTitle: `Title ${i}`,
          dueDate: NOW,
          now: NOW,
        }),
      );
      await new MongoOutboxMailer(outbox, { now: () => NOW }, old).send({
        userId: 'u1',
        to: `u${i}@example.com`,
        subject: `Title ${i}`,
        text: 'x',
        idempotencyKey: `task-due:t${i}`,
      });
    }
    const collections = {
      users: modelRotationCollection(users),
      tasks: modelRotationCollection(tasks),
      notifications: modelRotationCollection(notifications),
      outbox: modelRotationCollection(outbox),
    };
    const progress = await new MongoKeyRotation(
      collections,
      cipher('k2', [
        ['k1', k1],
        ['k2', k2],
      ]),
      blind,
    ).run({ batchSize: 2 });
    expect(progress).toMatchObject({
      users: { scanned: 5, resealed: 5 },
      notifications: { scanned: 5, resealed: 5 },
      outbox: { scanned: 5, resealed: 5 },
    });

    const onlyNew = cipher('k2', [['k2', k2]]);
    expect((await new MongoUserRepository(users, onlyNew, new BlindIndex(blind)).findByEmail('u3@example.com'))?.name).toBe('Name 3');
    expect((await new MongoNotificationRepository(notifications, onlyNew).findById('u2', 'n2'))?.taskTitle).toBe('Title 2');
    expect((await new MongoOutboxMailer(outbox, { now: () => NOW }, onlyNew).find('task-due:t4'))?.to).toBe('u4@example.com');
    expect(
      await new MongoKeyRotation(
        collections,
        cipher('k2', [
          ['k1', k1],
          ['k2', k2],
        ]),
        blind,
      ).run(),
    ).toMatchObject({ users: { resealed: 0 }, notifications: { resealed: 0 }, outbox: { resealed: 0 } });
  });
});
