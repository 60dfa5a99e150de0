import {
  OPEN_TASK_STATUSES,
  type SortOrder,
  Task,
  type TaskListRequest,
  type TaskSortField,
  type TaskView,
  taskSortKey,
} from '@primetrade/domain';
import { fixtureTasks, NOW } from '@primetrade/testing';
import { toTaskRecord, toTaskViewFromRecord } from './task.mapper';
import type { TaskRecord } from './task.schema';
import { MingoCollection } from '@primetrade/testing';
import { escapeRegex, taskKeysetCondition, taskListFilter, taskListQuery, taskListSort } from './task-list.filter';

const OWNER = 'owner-a';
const OTHER = 'owner-b';
const HOUR = 3_600_000;
const SORTS: TaskSortField[] = ['createdAt', 'updatedAt', 'dueDate', 'priority'];
const ORDERS: SortOrder[] = ['asc', 'desc'];

/** Tasks whose text holds regex metacharacters: `q` must match them literally. */
function specialTasks(): Task[] {
  const make = (id: string, title: string, description: string) => {
    const task = Task.create({ id, ownerId: OWNER, title, description, now: new Date(NOW.getTime() - 500 * HOUR) });
    task.pullEvents();
    return Task.restore(task.toProps());
  };
  return [
    make('special-1', 'Fix a.b (c) [d]', 'costs $5 + tax?'),
    make('special-2', 'axb c d', 'costs 5 plus tax'),
    make('special-3', 'Ünïcode Straße', 'back\\slash ^caret|pipe'),
  ];
}

const mine = [...fixtureTasks(OWNER), ...specialTasks()];
const theirs = fixtureTasks(OTHER, 8, 'other');
/** The documents exactly as the repository writes them. */
const collection = new MingoCollection<TaskRecord>([...mine, ...theirs].map(toTaskRecord));
const views: TaskView[] = mine.map((t) => t.toProps());

/** Runs the built query the way the read model does: find(filter).sort(sort).limit(limit). */
function run(request: TaskListRequest): TaskView[] {
  const { filter, sort, limit } = taskListQuery(OWNER, request);
  return collection.find(filter, sort, limit).map(toTaskViewFromRecord);
}

const list = (criteria: Omit<TaskListRequest['criteria'], 'now'>, now = NOW) =>
  run({ criteria: { ...criteria, now }, sort: 'createdAt', order: 'asc', after: null, limit: 1000 });
const ids = (items: TaskView[]) => items.map((t) => t.id).sort();
const expected = (predicate: (t: TaskView) => boolean) =>
  views
    .filter(predicate)
    .map((t) => t.id)
    .sort();

/** The port's ordering, written independently: (key, id) in `order`, a null key above every date. */
function referenceOrder(items: TaskView[], sort: TaskSortField, order: SortOrder): string[] {
  const key = (t: TaskView) => taskSortKey(t, sort) ?? Number.POSITIVE_INFINITY;
  const sign = order === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => sign * (key(a) - key(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))).map((t) => t.id);
}

describe('task list query (MongoDB documents executed by mingo)', () => {
  it('has fixtures that exercise every branch', () => {
    expect(views.some((t) => t.dueDate === null)).toBe(true);
    expect(new Set(views.map((t) => t.createdAt.getTime())).size).toBeLessThan(views.length); // ties on the key
    expect(new Set(views.map((t) => t.status)).size).toBe(4);
  });

  describe('filter', () => {
    it('always carries the owner at the top level (the shard key) and returns only that owner’s tasks', () => {
      expect(taskListFilter(OWNER, { now: NOW })).toEqual({ owner: OWNER });
      expect(taskListFilter(OWNER, { now: NOW, q: 'x', status: ['todo'] }).owner).toBe(OWNER);
      expect(ids(list({}))).toEqual(expected(() => true));
      expect(list({}).find((t) => t.id === views[0].id)).toEqual(views[0]);
    });

    it('filters by one or many statuses and priorities, combined with AND', () => {
      expect(ids(list({ status: ['completed'] }))).toEqual(expected((t) => t.status === 'completed'));
      expect(ids(list({ status: ['todo', 'in_progress'] }))).toEqual(expected((t) => t.status === 'todo' || t.status === 'in_progress'));
      expect(ids(list({ priority: ['urgent', 'low'] }))).toEqual(expected((t) => t.priority === 'urgent' || t.priority === 'low'));
      expect(ids(list({ status: ['todo'], priority: ['low'] }))).toEqual(expected((t) => t.status === 'todo' && t.priority === 'low'));
      expect(list({ status: [] })).toHaveLength(views.length); // an empty list is no filter
    });

    it('filters by tag, trimmed and case-insensitively (tags are stored lower-case)', () => {
      expect(ids(list({ tag: 'work' }))).toEqual(expected((t) => t.tags.includes('work')));
      expect(ids(list({ tag: ' HOME ' }))).toEqual(expected((t) => t.tags.includes('home')));
      expect(list({ tag: 'none-such' })).toEqual([]);
    });

    it('filters by an exclusive due window; tasks without a due date never match a window', () => {
      const before = new Date(NOW.getTime() + 10 * HOUR);
      const after = new Date(NOW.getTime() - 5 * HOUR);
      expect(ids(list({ dueBefore: before }))).toEqual(expected((t) => t.dueDate !== null && t.dueDate < before));
      expect(ids(list({ dueAfter: after }))).toEqual(expected((t) => t.dueDate !== null && t.dueDate > after));
      expect(ids(list({ dueAfter: after, dueBefore: before }))).toEqual(
        expected((t) => t.dueDate !== null && t.dueDate > after && t.dueDate < before),
      );
    });

    it('finds overdue tasks: open and due before now; overdue false is no filter', () => {
      const overdue = expected((t) => t.dueDate !== null && t.dueDate < NOW && OPEN_TASK_STATUSES.includes(t.status));
      expect(overdue.length).toBeGreaterThan(0);
      expect(ids(list({ overdue: true }))).toEqual(overdue);
      expect(ids(list({ overdue: true, status: ['todo'] }))).toEqual(
        expected((t) => t.dueDate !== null && t.dueDate < NOW && t.status === 'todo'),
      );
      expect(list({ overdue: false })).toHaveLength(views.length);
      // "now" comes from the criteria, not the clock: long before every due date nothing is overdue.
      expect(list({ overdue: true }, new Date(0))).toEqual([]);
    });

    it('searches title and description case-insensitively as a substring', () => {
      expect(ids(list({ q: 'report' }))).toEqual(expected((t) => /report/i.test(t.title) || /report/i.test(t.description)));
      expect(ids(list({ q: '100% EFFORT' }))).toEqual(expected((t) => /100% effort/i.test(t.description)));
      expect(ids(list({ q: '  Straße ' }))).toEqual(['special-3']);
      expect(list({ q: 'no such words' })).toEqual([]);
      expect(list({ q: '   ' })).toHaveLength(views.length); // blank q is no filter
    });

    it('takes regex metacharacters in q literally', () => {
      expect(ids(list({ q: 'a.b' }))).toEqual(['special-1']); // not "axb"
      expect(ids(list({ q: '(c) [d]' }))).toEqual(['special-1']);
      expect(ids(list({ q: '$5 + tax?' }))).toEqual(['special-1']);
      expect(ids(list({ q: 'back\\slash ^caret|pipe' }))).toEqual(['special-3']);
      expect(ids(list({ q: '.*' }))).toEqual([]);
      expect(escapeRegex('a.b*c')).toBe('a\\.b\\*c');
    });
  });

  describe('sort', () => {
    it('orders by the stored key and then _id, in one direction', () => {
      expect(taskListSort('createdAt', 'desc')).toEqual({ createdAt: -1, _id: -1 });
      expect(taskListSort('updatedAt', 'asc')).toEqual({ updatedAt: 1, _id: 1 });
      expect(taskListSort('dueDate', 'asc')).toEqual({ dueSortKey: 1, _id: 1 });
      expect(taskListSort('priority', 'desc')).toEqual({ priorityRank: -1, _id: -1 });
    });

    it('puts tasks without a due date after every date ascending, and first descending', () => {
      const asc = run({ criteria: { now: NOW }, sort: 'dueDate', order: 'asc', after: null, limit: 1000 });
      const firstNull = asc.findIndex((t) => t.dueDate === null);
      expect(firstNull).toBeGreaterThan(0);
      expect(asc.slice(firstNull).every((t) => t.dueDate === null)).toBe(true);
      const desc = run({ criteria: { now: NOW }, sort: 'dueDate', order: 'desc', after: null, limit: 1000 });
      const lastNull = desc.map((t) => t.dueDate === null).lastIndexOf(true);
      expect(desc.slice(0, lastNull + 1).every((t) => t.dueDate === null)).toBe(true);
      expect(desc.map((t) => t.id)).toEqual([...asc.map((t) => t.id)].reverse());
    });

    it('sorts priority by rank, not alphabetically', () => {
      const desc = run({ criteria: { now: NOW }, sort: 'priority', order: 'desc', after: null, limit: 1000 });
      expect(desc[0].priority).toBe('urgent');
      expect(desc[desc.length - 1].priority).toBe('low');
    });
  });

  describe('keyset paging', () => {
    it('builds a strict (key, _id) condition per direction', () => {
      expect(taskKeysetCondition('createdAt', 'desc', { key: 1000, id: 't9' })).toEqual({
        $or: [{ createdAt: { $lt: new Date(1000) } }, { createdAt: new Date(1000), _id: { $lt: 't9' } }],
      });
      expect(taskKeysetCondition('dueDate', 'asc', { key: null, id: 't1' })).toEqual({
        $or: [{ dueSortKey: { $gt: Number.MAX_SAFE_INTEGER } }, { dueSortKey: Number.MAX_SAFE_INTEGER, _id: { $gt: 't1' } }],
      });
      expect(taskKeysetCondition('priority', 'asc', { key: 2, id: 't1' })).toEqual({
        $or: [{ priorityRank: { $gt: 2 } }, { priorityRank: 2, _id: { $gt: 't1' } }],
      });
    });

    it('keeps the owner at the top level of a paged query', () => {
      const { filter } = taskListQuery(OWNER, {
        criteria: { now: NOW, q: 'x' },
        sort: 'dueDate',
        order: 'asc',
        after: { key: null, id: 'a' },
        limit: 5,
      });
      expect(filter.owner).toBe(OWNER);
      expect(filter.$and).toHaveLength(2);
    });

    for (const sort of SORTS) {
      for (const order of ORDERS) {
        for (const limit of [1, 4, 7]) {
          it(`pages through every task by ${sort} ${order}, ${limit} a page, without gaps or repeats`, () => {
            const seen: string[] = [];
            let after: TaskListRequest['after'] = null;
            for (let pageNo = 0; pageNo < 100; pageNo++) {
              const page = run({ criteria: { now: NOW }, sort, order, after, limit });
              seen.push(...page.map((t) => t.id));
              if (page.length < limit) break;
              const last = page[page.length - 1];
              after = { key: taskSortKey(last, sort), id: last.id };
            }
            expect(seen).toEqual(referenceOrder(views, sort, order));
          });
        }
      }
    }

    it('pages a filtered, searched list', () => {
      const criteria = { status: ['todo', 'in_progress'] as const, now: NOW };
      const open = views.filter((t) => t.status === 'todo' || t.status === 'in_progress');
      for (const order of ORDERS) {
        const first = run({ criteria: { ...criteria, status: [...criteria.status] }, sort: 'dueDate', order, after: null, limit: 3 });
        const last = first[first.length - 1];
        const rest = run({
          criteria: { ...criteria, status: [...criteria.status] },
          sort: 'dueDate',
          order,
          after: { key: taskSortKey(last, 'dueDate'), id: last.id },
          limit: 100,
        });
        expect([...first, ...rest].map((t) => t.id)).toEqual(referenceOrder(open, 'dueDate', order));
      }
      const searched = views.filter((t) => /task 1/i.test(t.title));
      const p1 = run({ criteria: { q: 'task 1', now: NOW }, sort: 'priority', order: 'desc', after: null, limit: 2 });
      const l1 = p1[p1.length - 1];
      const p2 = run({
        criteria: { q: 'task 1', now: NOW },
        sort: 'priority',
        order: 'desc',
        after: { key: taskSortKey(l1, 'priority'), id: l1.id },
        limit: 100,
      });
      expect([...p1, ...p2].map((t) => t.id)).toEqual(referenceOrder(searched, 'priority', 'desc'));
    });

    it('returns nothing after the last position', () => {
      const all = run({ criteria: { now: NOW }, sort: 'updatedAt', order: 'asc', after: null, limit: 1000 });
      const last = all[all.length - 1];
      expect(
        run({
          criteria: { now: NOW },
          sort: 'updatedAt',
          order: 'asc',
          after: { key: taskSortKey(last, 'updatedAt'), id: last.id },
          limit: 10,
        }),
      ).toEqual([]);
    });
  });
});
