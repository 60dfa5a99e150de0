import type { MailMessage } from '@primetrade/domain';
import type { OutboxRecord } from '../schemas/outbox.schema';

export function toOutboxRecord(message: MailMessage, now: Date): OutboxRecord {
  return { _id: message.idempotencyKey, recipient: message.to, subject: message.subject, body: message.text, createdAt: now };
}
