import type { SortOrder, TaskListCriteria, TaskSortField } from '@primetrade/domain';
import { NOW } from '@primetrade/testing';
import { taskListQuery, taskSearchCandidatesQuery } from './task-list.filter';
import { TaskSchema } from './task.schema';

/**
 * No MongoDB server here to run explain() on, so the plan is pinned instead: every list names
 * (hint) the index it walks, and that index, read from the schema, must have the owner first, then
 * the equality fields of the filter, then exactly the sort's keys in the sort's directions (or all
 * reversed, walked backwards). Such a walk returns the page in order with no in-memory SORT stage
 * and stops after `limit` matches, whatever the owner's task count.
 */
const SORTS: TaskSortField[] = ['createdAt', 'updatedAt', 'dueDate', 'priority'];
const ORDERS: SortOrder[] = ['asc', 'desc'];
const HOUR = 3_600_000;

const FILTERS: Record<string, Omit<TaskListCriteria, 'now'>> = {
  none: {},
  'one status': { status: ['todo'] },
  'two statuses': { status: ['todo', 'in_progress'] },
  priority: { priority: ['high'] },
  'status and priority': { status: ['todo'], priority: ['high'] },
  tag: { tag: 'home' },
  overdue: { overdue: true },
  'due window': { dueAfter: new Date(NOW.getTime() - 48 * HOUR), dueBefore: new Date(NOW.getTime() + 48 * HOUR) },
  q: { q: 'needle' },
};

const schemaIndexes = new Map(
  TaskSchema.indexes().map(([keys, options]) => [(options as { name: string }).name, keys as Record<string, 1 | -1>]),
);

/** The fields the filter pins to one value (they may sit in the index between owner and the sort keys). */
function equalityFields(criteria: Omit<TaskListCriteria, 'now'>): Set<string> {
  const fields = new Set(['owner']);
  if (criteria.status?.length === 1) fields.add('status');
  if (criteria.priority?.length === 1) fields.add('priority');
  return fields;
}

function assertWalksInOrder(hint: string, sort: Record<string, 1 | -1>, criteria: Omit<TaskListCriteria, 'now'>): void {
  const keys = schemaIndexes.get(hint);
  expect(keys).toBeDefined();
  const entries = Object.entries(keys!);
  expect(entries[0][0]).toBe('owner');
  const equal = equalityFields(criteria);
  let i = 0;
  while (i < entries.length && equal.has(entries[i][0])) i++;
  const rest = entries.slice(i);
  const wanted = Object.entries(sort);
  expect(rest.map(([field]) => field)).toEqual(wanted.map(([field]) => field));
  // All in the sort's directions, or all reversed (the index walked backwards).
  const sameWay = rest.every(([, dir], k) => dir === wanted[k][1]);
  const reversed = rest.every(([, dir], k) => dir === -wanted[k][1]);
  expect(sameWay || reversed).toBe(true);
}

describe('MongoDB task list indexes', () => {
  for (const [name, criteria] of Object.entries(FILTERS)) {
    for (const sort of SORTS) {
      for (const order of ORDERS) {
        it(`walks an index in order for ${name}, sorted by ${sort} ${order}`, () => {
          for (const after of [null, { key: sort === 'dueDate' ? null : NOW.getTime(), id: 'x' }]) {
            const request = { criteria: { ...criteria, now: NOW }, sort, order, after, limit: 20 };
            const query = taskListQuery('o1', request);
            assertWalksInOrder(query.hint, query.sort, criteria);
            const candidates = taskSearchCandidatesQuery('o1', request, after, 64);
            assertWalksInOrder(candidates.hint, candidates.sort, criteria);
          }
        });
      }
    }
  }

  it('has an index for each side of the timeline: creations and completions by time', () => {
    expect(schemaIndexes.get('owner_createdAt_id')).toEqual({ owner: 1, createdAt: -1, _id: -1 });
    expect(schemaIndexes.get('owner_completedAt')).toEqual({ owner: 1, completedAt: 1 });
  });
});
