import type { Task } from '../core/api/task.types';

/** A task as the API returns it: open, medium priority, version 1, unless `extra` says otherwise. */
export const taskFixture = (id: string, extra: Partial<Task> = {}): Task => ({
  id,
  title: `Task ${id}`,
  description: '',
  status: 'todo',
  priority: 'medium',
  dueDate: null,
  tags: [],
  createdAt: '2030-01-01T00:00:00Z',
  updatedAt: '2030-01-01T00:00:00Z',
  completedAt: null,
  version: 1,
  ...extra,
});
