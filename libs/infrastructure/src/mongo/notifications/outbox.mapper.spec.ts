import { MingoCollection } from '@primetrade/testing';
import type { OutboxRecord } from './outbox.schema';
import { toOutboxRecord } from './outbox.mapper';

const NOW = new Date('2026-06-15T12:00:00.000Z');

describe('outbox record', () => {
  it('is keyed by the idempotency key and keeps the message as sent', () => {
    const record = toOutboxRecord(
      { userId: 'u1', to: 'ada@example.com', subject: 'Task due soon: x', text: 'Your task "x" is due.', idempotencyKey: 'task-due:t1' },
      NOW,
    );
    expect(record).toEqual({
      _id: 'task-due:t1',
      owner: 'u1',
      recipient: 'ada@example.com',
      subject: 'Task due soon: x',
      body: 'Your task "x" is due.',
      createdAt: NOW,
    });
    expect(new MingoCollection<OutboxRecord>([record]).find({ _id: 'task-due:t1' })).toEqual([record]);
  });
});
