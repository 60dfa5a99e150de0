import { randomBytes } from 'node:crypto';
import { DataIntegrityError, Notification } from '@primetrade/domain';
import { SealedText } from '../../core/notifications/sealed-text';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { MingoCollection } from '@primetrade/testing';
import { notificationListQuery } from './notification.filter';
import type { NotificationRecord } from './notification.schema';
import type { OutboxRecord } from './outbox.schema';
import {
  openNotification,
  sealNotificationUpdate,
  toNotificationRecord,
  toSealedNotificationRecord,
  UNSEALED_FILTER,
} from './notification.mapper';
import { openOutboxRecord, sealOutboxUpdate, toOutboxRecord, toSealedOutboxRecord } from './outbox.mapper';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const text = new SealedText(
  new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) }),
);
const notification = (id: string, taskId: string, title: string) =>
  Notification.create({ id, ownerId: 'u1', taskId, type: 'task-due', taskTitle: title, dueDate: NOW, now: NOW });
const message = (key: string, to = 'ada@example.com') => ({
  userId: 'u1',
  to,
  subject: 'Task due soon: Quarterly numbers',
  text: 'Your task "Quarterly numbers" is due.',
  idempotencyKey: key,
});

describe('MongoDB notification mapping with the task title sealed', () => {
  it('stores no plaintext title, marks the document, and maps back', () => {
    const n = notification('n1', 't1', 'Quarterly numbers');
    const record = toSealedNotificationRecord(n, text);
    expect(JSON.stringify(record)).not.toMatch(/Quarterly|numbers/);
    expect(record.sealed).toBe(true);
    expect(openNotification(record, text).toProps()).toEqual(n.toProps());
  });

  it('refuses a title copied from another notification, or tampered with', () => {
    const mine = toSealedNotificationRecord(notification('n1', 't1', 'Mine'), text);
    const theirs = toSealedNotificationRecord(notification('n2', 't2', 'Theirs'), text);
    expect(() => openNotification({ ...mine, taskTitle: theirs.taskTitle }, text)).toThrow(DataIntegrityError);
    const tampered = Buffer.from(mine.taskTitle, 'base64');
    tampered[tampered.length - 1] ^= 1;
    expect(() => openNotification({ ...mine, taskTitle: tampered.toString('base64') }, text)).toThrow(DataIntegrityError);
  });

  it('lists sealed and older documents together, and seals the older ones once', () => {
    const legacy = toNotificationRecord(notification('n0', 't0', 'Old title'));
    const docs = new MingoCollection<NotificationRecord>([legacy, toSealedNotificationRecord(notification('n1', 't1', 'New title'), text)]);
    const q = notificationListQuery('u1', null, 10);
    expect(docs.find(q.filter, q.sort, q.limit).map((r) => openNotification(r, text).taskTitle)).toEqual(['New title', 'Old title']);

    expect(docs.find(UNSEALED_FILTER).map((r) => r._id)).toEqual(['n0']);
    const { filter, update } = sealNotificationUpdate(legacy, text);
    expect(docs.updateOne(filter, update).matchedCount).toBe(1);
    expect(docs.updateOne(filter, update).matchedCount).toBe(0); // already sealed: idempotent
    expect(docs.find(UNSEALED_FILTER)).toEqual([]);
    const sealed = docs.find({ _id: 'n0' })[0];
    expect(JSON.stringify(sealed)).not.toMatch(/Old title/);
    expect(openNotification(sealed, text).taskTitle).toBe('Old title');
  });
});

describe('MongoDB outbox mapping with recipient, subject and body sealed', () => {
  it('stores no plaintext email, subject or body, and maps back', () => {
    const record = toSealedOutboxRecord(message('task-due:t1'), NOW, text);
    expect(record._id).toBe('task-due:t1');
    expect(JSON.stringify(record)).not.toMatch(/ada|example\.com|Quarterly|due soon|is due/i);
    expect(openOutboxRecord(record, text)).toEqual({ ...message('task-due:t1'), createdAt: NOW });
  });

  it('refuses a recipient copied from another message or to another field', () => {
    const a = toSealedOutboxRecord(message('task-due:t1'), NOW, text);
    const b = toSealedOutboxRecord(message('task-due:t2', 'grace@example.com'), NOW, text);
    expect(() => openOutboxRecord({ ...a, recipient: b.recipient }, text)).toThrow(DataIntegrityError);
    expect(() => openOutboxRecord({ ...a, subject: a.body }, text)).toThrow(DataIntegrityError);
  });

  it('reads an older document as it is and seals it once', () => {
    const legacy: OutboxRecord = toOutboxRecord(message('task-due:t0', 'old@example.com'), NOW);
    expect(openOutboxRecord(legacy, text).to).toBe('old@example.com');
    const docs = new MingoCollection<OutboxRecord>([{ ...legacy }, toSealedOutboxRecord(message('task-due:t1'), NOW, text)]);
    expect(docs.find(UNSEALED_FILTER).map((r) => r._id)).toEqual(['task-due:t0']);
    const { filter, update } = sealOutboxUpdate(legacy, text);
    expect(docs.updateOne(filter, update).matchedCount).toBe(1);
    expect(docs.updateOne(filter, update).matchedCount).toBe(0);
    const sealed = docs.find({ _id: 'task-due:t0' })[0];
    expect(JSON.stringify(sealed)).not.toMatch(/old@example\.com|Quarterly/);
    expect(openOutboxRecord(sealed, text)).toMatchObject({
      userId: 'u1',
      to: 'old@example.com',
      subject: 'Task due soon: Quarterly numbers',
    });
  });
});
