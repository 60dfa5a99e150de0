import type { Schema } from 'mongoose';
import { SessionSchema } from './identity/session.schema';
import { NO_DUE_DATE_SORT_KEY, TaskSchema } from './tasks/task.schema';
import { UserSchema } from './identity/user.schema';

/** [keys, options] of every index the app creates, by index name. */
function indexes(schema: Schema): Record<string, { keys: Record<string, unknown>; options: Record<string, unknown> }> {
  return Object.fromEntries(
    schema.indexes().map(([keys, options]) => {
      const { name, ...rest } = options as Record<string, unknown>;
      return [name as string, { keys: keys as Record<string, unknown>, options: rest }];
    }),
  );
}

describe('MongoDB schemas', () => {
  describe('tasks', () => {
    const tasks = indexes(TaskSchema);

    it('has the original plan’s three indexes', () => {
      expect(tasks['owner_status_createdAt'].keys).toEqual({ owner: 1, status: 1, createdAt: -1 });
      expect(tasks['owner_dueDate'].keys).toEqual({ owner: 1, dueDate: 1 });
      expect(tasks['owner_priority'].keys).toEqual({ owner: 1, priority: 1 });
    });

    it('has one keyset index per sort field: owner, the stored key, then _id', () => {
      expect(tasks['owner_createdAt_id'].keys).toEqual({ owner: 1, createdAt: -1, _id: -1 });
      expect(tasks['owner_updatedAt_id'].keys).toEqual({ owner: 1, updatedAt: -1, _id: -1 });
      expect(tasks['owner_dueSortKey_id'].keys).toEqual({ owner: 1, dueSortKey: 1, _id: 1 });
      expect(tasks['owner_priorityRank_id'].keys).toEqual({ owner: 1, priorityRank: 1, _id: 1 });
      expect(tasks['owner_status_createdAt_id'].keys).toEqual({ owner: 1, status: 1, createdAt: -1, _id: -1 });
    });

    it('has the statistics’ open-tasks-by-due-date index: owner, status, due date', () => {
      expect(tasks['owner_status_dueDate'].keys).toEqual({ owner: 1, status: 1, dueDate: 1 });
    });

    it('has no other index, and every index but the due-task scan and the archive run starts with the owner (the shard key)', () => {
      expect(Object.keys(tasks)).toHaveLength(12);
      for (const [name, { keys }] of Object.entries(tasks))
        if (name !== 'scan_status_dueDate_id' && name !== 'completed_updatedAt') expect(Object.keys(keys)[0]).toBe('owner');
      // No unique index besides _id: a hashed shard key cannot back one.
      for (const { options } of Object.values(tasks)) expect(options['unique']).toBeUndefined();
    });

    it('stores string ids, no Mongoose version key, and declares the shard key', () => {
      expect(TaskSchema.get('collection')).toBe('tasks');
      expect(TaskSchema.path('_id').instance).toBe('String');
      expect(TaskSchema.get('versionKey')).toBe(false);
      expect(TaskSchema.get('shardKey')).toEqual({ owner: 'hashed' });
      expect(TaskSchema.path('dueSortKey').instance).toBe('Number');
    });

    it('sorts "no due date" above every representable date', () => {
      expect(NO_DUE_DATE_SORT_KEY).toBeGreaterThan(8.64e15); // the largest valid Date
      expect(Number.isSafeInteger(NO_DUE_DATE_SORT_KEY)).toBe(true);
    });
  });

  describe('users', () => {
    const users = indexes(UserSchema);

    it('has a unique email index and the active-users listing index', () => {
      expect(users['email_unique']).toEqual({ keys: { email: 1 }, options: expect.objectContaining({ unique: true }) });
      expect(users['isActive_createdAt'].keys).toEqual({ isActive: 1, createdAt: -1 });
      // Sealed documents are unique by the email's blind index.
      expect(users['emailIndex_unique']).toEqual({
        keys: { emailIndex: 1 },
        options: expect.objectContaining({ unique: true, partialFilterExpression: { emailIndex: { $exists: true } } }),
      });
      expect(Object.keys(users)).toHaveLength(3);
      expect(UserSchema.get('collection')).toBe('users');
      expect(UserSchema.path('_id').instance).toBe('String');
    });
  });

  describe('sessions', () => {
    const sessions = indexes(SessionSchema);

    it('expires sessions with a TTL index and finds them by token hash and family', () => {
      expect(sessions['keepUntil_ttl']).toEqual({ keys: { keepUntil: 1 }, options: expect.objectContaining({ expireAfterSeconds: 0 }) });
      expect(sessions['tokenHash_unique']).toEqual({ keys: { tokenHash: 1 }, options: expect.objectContaining({ unique: true }) });
      expect(sessions['familyId'].keys).toEqual({ familyId: 1 });
      expect(sessions['userId_created'].keys).toEqual({ userId: 1, createdAt: -1 });
      expect(Object.keys(sessions)).toHaveLength(4);
      expect(SessionSchema.get('collection')).toBe('sessions');
    });
  });
});
