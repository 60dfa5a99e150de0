import { randomBytes, randomUUID } from 'node:crypto';
import { type Clock, Notification } from '@primetrade/domain';
import { type Connection, createConnection } from 'mongoose';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { MongoNotificationRepository } from './mongo-notification.repository';
import { MongoOutboxMailer } from './mongo-outbox-mailer';
import { NotificationRecord, NotificationSchema } from './notification.schema';
import { OutboxRecord, OutboxSchema } from './outbox.schema';

const uri = process.env['MONGODB_URI'];
if (!uri) process.stdout.write('skipped: no MongoDB server (set MONGODB_URI)\n');

const NOW = new Date('2026-06-15T12:00:00.000Z');
const clock: Clock = { now: () => NOW };
const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });

/** Raw notification and outbox documents hold no plaintext email or title (needs a real mongod). */
(uri ? describe : describe.skip)('MongoDB notification stores: sealed at rest on a real server', () => {
  let base: Connection;
  let db: Connection;
  let notifications: MongoNotificationRepository;
  let outbox: MongoOutboxMailer;

  beforeAll(async () => {
    base = await createConnection(uri!).asPromise();
    const name = `primetrade_notifications_enc_test_${randomUUID().slice(0, 8)}`;
    if (!name.includes('test')) throw new Error('refusing a database without "test" in its name');
    db = base.useDb(name, { useCache: false });
    const notificationModel = db.model<NotificationRecord>(NotificationRecord.name, NotificationSchema);
    const outboxModel = db.model<OutboxRecord>(OutboxRecord.name, OutboxSchema);
    await Promise.all([notificationModel.init(), outboxModel.init()]);
    notifications = new MongoNotificationRepository(notificationModel, cipher);
    outbox = new MongoOutboxMailer(outboxModel, clock, cipher);
  });
  afterAll(async () => {
    await db?.dropDatabase();
    await base?.close();
  });

  it('stores sealed fields, reads them back, and seals documents written before', async () => {
    const n = Notification.create({
      id: 'n1',
      ownerId: 'u1',
      taskId: 't1',
      type: 'task-due',
      taskTitle: 'Quarterly numbers',
      dueDate: NOW,
      now: NOW,
    });
    await notifications.insertIfAbsent(n);
    await outbox.send({
      userId: 'u1',
      to: 'ada@example.com',
      subject: 'Task due soon: Quarterly numbers',
      text: 'Your task "Quarterly numbers" is due.',
      idempotencyKey: 'task-due:t1',
    });
    expect(JSON.stringify(await db.collection('notifications').find().toArray())).not.toMatch(/Quarterly/);
    expect(JSON.stringify(await db.collection('outbox').find().toArray())).not.toMatch(/ada@example\.com|Quarterly/);
    expect((await notifications.list('u1', null, 10)).map((x) => x.taskTitle)).toEqual(['Quarterly numbers']);
    expect(await outbox.find('task-due:t1')).toMatchObject({
      userId: 'u1',
      to: 'ada@example.com',
      subject: 'Task due soon: Quarterly numbers',
    });

    await db.collection('notifications').insertOne({
      _id: 'n0' as never,
      owner: 'u1',
      taskId: 't0',
      type: 'task-overdue',
      taskTitle: 'Old title',
      dueDate: NOW,
      createdAt: NOW,
      readAt: null,
      emailedAt: null,
    });
    await db.collection('outbox').insertOne({
      _id: 'task-overdue:t0' as never,
      recipient: 'old@example.com',
      subject: 'Task overdue: Old title',
      body: 'Old',
      createdAt: NOW,
    });
    expect(await notifications.sealLegacyNotifications()).toBe(1);
    expect(await outbox.sealLegacyMessages()).toBe(1);
    expect(await notifications.sealLegacyNotifications()).toBe(0);
    expect(JSON.stringify(await db.collection('notifications').find().toArray())).not.toMatch(/Old title/);
    expect(JSON.stringify(await db.collection('outbox').find().toArray())).not.toMatch(/old@example\.com|Old title/);
    expect((await notifications.findById('u1', 'n0'))?.taskTitle).toBe('Old title');
    expect(await outbox.find('task-overdue:t0')).toMatchObject({ userId: 'u1', to: 'old@example.com', text: 'Old' });
  });
});
