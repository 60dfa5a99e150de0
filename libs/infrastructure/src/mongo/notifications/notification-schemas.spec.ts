import type { Schema } from 'mongoose';
import { TaskSchema } from '../tasks/task.schema';
import { DUE_SCAN_INDEX, DUE_SCAN_KEYS, DUE_SCAN_PARTIAL_FILTER, DueTaskScanSchema } from './due-task-scan.schema';
import { NOTIFICATION_KEY_INDEX, NotificationSchema } from './notification.schema';
import { OutboxSchema } from './outbox.schema';

/** [keys, options] of every index the app creates, by index name. */
function indexes(schema: Schema): Record<string, { keys: Record<string, unknown>; options: Record<string, unknown> }> {
  return Object.fromEntries(
    schema.indexes().map(([keys, options]) => {
      const { name, ...rest } = options as Record<string, unknown>;
      return [name as string, { keys: keys as Record<string, unknown>, options: rest }];
    }),
  );
}

describe('MongoDB notification schemas', () => {
  describe('notifications', () => {
    const notifications = indexes(NotificationSchema);

    it('decides "one notification per task and type" with a unique index led by the shard key', () => {
      expect(notifications[NOTIFICATION_KEY_INDEX]).toEqual({
        keys: { owner: 1, taskId: 1, type: 1 },
        options: expect.objectContaining({ unique: true }),
      });
      expect(NotificationSchema.get('shardKey')).toEqual({ owner: 'hashed' });
    });

    it('has the newest-first keyset index and the unread-count index', () => {
      expect(notifications['owner_createdAt_id'].keys).toEqual({ owner: 1, createdAt: -1, _id: -1 });
      expect(notifications['owner_readAt'].keys).toEqual({ owner: 1, readAt: 1 });
    });

    it('has no other index, every index but the awaiting-mail scan starts with the owner, and only the key index is unique', () => {
      expect(Object.keys(notifications).sort()).toEqual(
        ['awaiting_mail', 'owner_createdAt_id', 'owner_readAt', NOTIFICATION_KEY_INDEX].sort(),
      );
      for (const [name, { keys }] of Object.entries(notifications))
        if (name !== 'awaiting_mail') expect(Object.keys(keys)[0]).toBe('owner');
      expect(notifications['awaiting_mail']).toEqual({
        keys: { createdAt: 1, _id: 1 },
        options: expect.objectContaining({ partialFilterExpression: { emailedAt: { $type: 'null' } } }),
      });
      for (const [name, { options }] of Object.entries(notifications)) {
        if (name !== NOTIFICATION_KEY_INDEX) expect(options['unique']).toBeUndefined();
      }
    });

    it('stores string ids, dates, no Mongoose version key, in `notifications`', () => {
      expect(NotificationSchema.get('collection')).toBe('notifications');
      expect(NotificationSchema.get('versionKey')).toBe(false);
      expect(NotificationSchema.path('_id').instance).toBe('String');
      for (const path of ['dueDate', 'createdAt', 'readAt', 'emailedAt']) expect(NotificationSchema.path(path).instance).toBe('Date');
      expect((NotificationSchema.path('type') as unknown as { enumValues: string[] }).enumValues).toEqual([
        'task-due',
        'task-overdue',
        'webhook-disabled',
      ]);
    });
  });

  describe('outbox', () => {
    it('is keyed by the idempotency key (the _id index), also as the shard key; its owner finds an account’s mail to erase', () => {
      expect(indexes(OutboxSchema)).toEqual({
        outbox_owner: { keys: { owner: 1 }, options: { partialFilterExpression: { owner: { $exists: true } } } },
      });
      expect(OutboxSchema.get('collection')).toBe('outbox');
      expect(OutboxSchema.path('_id').instance).toBe('String');
      expect(OutboxSchema.get('shardKey')).toEqual({ _id: 'hashed' });
      expect(OutboxSchema.get('versionKey')).toBe(false);
    });
  });

  describe('the due-task scan’s view of tasks', () => {
    const scan = indexes(DueTaskScanSchema);

    it('reads the tasks collection, with the tasks’ shard key', () => {
      expect(DueTaskScanSchema.get('collection')).toBe('tasks');
      expect(DueTaskScanSchema.get('shardKey')).toEqual({ owner: 'hashed' });
      expect(DueTaskScanSchema.path('_id').instance).toBe('String');
    });

    it('declares no index and builds none: the scan index is the tasks schema’s', () => {
      expect(Object.keys(scan)).toEqual([]);
      expect(DueTaskScanSchema.get('autoIndex')).toBe(false);
    });

    it('finds its index on the tasks schema (so syncIndexes on tasks keeps it): status, due date, _id, over tasks that have a due date', () => {
      const tasks = indexes(TaskSchema);
      expect(tasks[DUE_SCAN_INDEX]).toEqual({
        keys: DUE_SCAN_KEYS,
        options: expect.objectContaining({ partialFilterExpression: DUE_SCAN_PARTIAL_FILTER }),
      });
      expect(tasks[DUE_SCAN_INDEX].options['unique']).toBeUndefined();
      expect(DUE_SCAN_PARTIAL_FILTER).toEqual({ dueDate: { $type: 'date' } });
      expect(Object.keys(DUE_SCAN_KEYS)).toEqual(['status', 'dueDate', '_id']);
    });
  });
});
