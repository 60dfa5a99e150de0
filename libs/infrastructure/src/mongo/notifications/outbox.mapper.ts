import type { MailMessage } from '@primetrade/domain';
import { outboxContext, type SealedText } from '../../core/notifications/sealed-text';
import type { StoredMail } from '../../core/notifications/stored-mail';
import type { OutboxRecord } from './outbox.schema';

/** A message as stored before encryption (no `sealed` marker): fixtures and old documents. */
export function toOutboxRecord(message: MailMessage, now: Date): OutboxRecord {
  return {
    _id: message.idempotencyKey,
    owner: message.userId,
    recipient: message.to,
    subject: message.subject,
    body: message.text,
    createdAt: now,
  };
}

/** The stored message with recipient, subject and body sealed (`outbox/<key>/<to|subject|text>`). */
export function toSealedOutboxRecord(message: MailMessage, now: Date, text: SealedText): OutboxRecord {
  return { ...sealedOutboxFields(toOutboxRecord(message, now), text), _id: message.idempotencyKey, owner: message.userId, createdAt: now };
}

/** The stored message, opened (a document without `sealed` is read as it is). */
export function openOutboxRecord(record: OutboxRecord, text: SealedText): StoredMail {
  const key = record._id;
  const open = (value: string, field: 'to' | 'subject' | 'text') =>
    record.sealed === true ? text.open(value, outboxContext(key, field)) : value;
  return {
    idempotencyKey: key,
    userId: record.owner ?? null,
    to: open(record.recipient, 'to'),
    subject: open(record.subject ?? '', 'subject'),
    text: open(record.body ?? '', 'text'),
    createdAt: record.createdAt,
  };
}

/** Seals a document written before encryption, only if it is still unsealed and unchanged. */
export function sealOutboxUpdate(record: OutboxRecord, text: SealedText) {
  return {
    filter: { _id: record._id, recipient: record.recipient, subject: record.subject, body: record.body, sealed: { $exists: false } },
    update: { $set: sealedOutboxFields(record, text) },
  };
}

function sealedOutboxFields(record: OutboxRecord, text: SealedText) {
  const key = record._id;
  return {
    recipient: text.seal(record.recipient, outboxContext(key, 'to')),
    subject: text.seal(record.subject ?? '', outboxContext(key, 'subject')),
    body: text.seal(record.body ?? '', outboxContext(key, 'text')),
    sealed: true as const,
  };
}
