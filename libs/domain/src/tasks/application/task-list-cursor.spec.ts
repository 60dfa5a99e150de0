import { encodeCursor, InvalidCursorError } from '../../shared/application/cursor';
import type { TaskSortField } from '../ports/task-read-model.port';
import { decodeTaskCursor, encodeTaskCursor, taskSortKey } from './task-list-cursor';
import type { TaskView } from './task.view';

const view: TaskView = {
  id: 'task-7',
  ownerId: 'o1',
  title: 'T',
  description: '',
  status: 'todo',
  priority: 'high',
  dueDate: new Date('2026-07-01T00:00:00.000Z'),
  tags: [],
  createdAt: new Date('2026-06-01T00:00:00.000Z'),
  updatedAt: new Date('2026-06-02T00:00:00.000Z'),
  completedAt: null,
  version: 1,
  recurrence: null,
};

describe('task list cursors', () => {
  it('takes the sort key the read-model port defines', () => {
    expect(taskSortKey(view, 'createdAt')).toBe(view.createdAt.getTime());
    expect(taskSortKey(view, 'updatedAt')).toBe(view.updatedAt.getTime());
    expect(taskSortKey(view, 'dueDate')).toBe(view.dueDate!.getTime());
    expect(taskSortKey({ ...view, dueDate: null }, 'dueDate')).toBeNull();
    expect(taskSortKey(view, 'priority')).toBe(2);
    expect(taskSortKey({ ...view, priority: 'low' }, 'priority')).toBe(0);
    expect(taskSortKey({ ...view, priority: 'urgent' }, 'priority')).toBe(3);
  });

  it.each<TaskSortField>(['createdAt', 'updatedAt', 'dueDate', 'priority'])('round-trips the last item of a page sorted by %s', (sort) => {
    const cursor = encodeTaskCursor(sort, 'desc', view);
    expect(decodeTaskCursor(sort, 'desc', cursor)).toEqual({ key: taskSortKey(view, sort), id: 'task-7' });
  });

  it('round-trips a missing due date as a null key', () => {
    const cursor = encodeTaskCursor('dueDate', 'asc', { ...view, dueDate: null });
    expect(decodeTaskCursor('dueDate', 'asc', cursor)).toEqual({ key: null, id: 'task-7' });
  });

  it('refuses a cursor from another sort field or order', () => {
    const cursor = encodeTaskCursor('createdAt', 'asc', view);
    expect(() => decodeTaskCursor('updatedAt', 'asc', cursor)).toThrow(InvalidCursorError);
    expect(() => decodeTaskCursor('createdAt', 'desc', cursor)).toThrow(InvalidCursorError);
  });

  it('refuses garbage', () => {
    expect(() => decodeTaskCursor('createdAt', 'desc', 'garbage!')).toThrow(InvalidCursorError);
    expect(() => decodeTaskCursor('createdAt', 'desc', 'eyJ')).toThrow(InvalidCursorError);
  });

  // Well-formed cursors of the right shape whose position is not a (key, id) pair.
  const forged = (position: unknown, sort: TaskSortField = 'createdAt') => encodeCursor(`tasks:${sort}:desc`, position);
  it.each([
    ['no position', undefined],
    ['an object position', { key: 1, id: 'a' }],
    ['a one-element position', [1]],
    ['a three-element position', [1, 'a', 'b']],
    ['a string key', ['1', 'a']],
    ['a null key outside the dueDate sort', [null, 'a']],
    ['a numeric id', [1, 2]],
    ['an empty id', [1, '']],
    ['an id over 64 characters', [1, 'x'.repeat(65)]],
  ])('refuses %s', (_label, position) => {
    expect(() => decodeTaskCursor('createdAt', 'desc', forged(position))).toThrow(InvalidCursorError);
  });

  it('accepts an id of exactly 64 characters', () => {
    expect(decodeTaskCursor('createdAt', 'desc', forged([1, 'x'.repeat(64)])).id).toHaveLength(64);
  });
});
