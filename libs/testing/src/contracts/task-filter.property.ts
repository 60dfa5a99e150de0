import {
  type FilterDate,
  type SortOrder,
  Task,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type TaskFilterExpression,
  type TaskListCriteria,
  type TaskListRequest,
  type TaskProps,
  type TaskSortField,
  taskSortKey,
  type TaskView,
} from '@primetrade/domain';
import fc from 'fast-check';
import { InMemoryStore } from '../in-memory/in-memory-store';
import { InMemoryTaskReadModel } from '../in-memory/in-memory-task-read-model';

/*
 * Property-based check of the filter language across stores: random tasks (of the owner and of
 * someone else), random typed expressions combined with random other criteria, every sort and
 * order, read page by page through keyset positions — each store must list exactly the ids, in
 * the order, that the in-memory store lists (the domain's reference semantics, matchesTaskFilter).
 */

export const FILTER_NOW = new Date('2026-06-15T12:34:56.789Z');
const H = 3_600_000;
const D = 24 * H;
const TODAY = Math.floor(FILTER_NOW.getTime() / D) * D;

/** Instants where comparisons flip: now, midnights, ±1 ms around both, a few days either side. */
const INSTANTS = [
  // (few of them, so that a task often sits exactly on a bound)
  FILTER_NOW.getTime(),
  FILTER_NOW.getTime() - 1,
  FILTER_NOW.getTime() + 1,
  TODAY,
  TODAY - 1,
  TODAY + D,
  TODAY + D - 1,
  TODAY - D,
  FILTER_NOW.getTime() + 3 * D,
  FILTER_NOW.getTime() - 2 * 7 * D,
  TODAY + 3 * H,
].map((ms) => new Date(ms));

/** Few letters, both cases and one beyond ASCII, so `~` and `=` hit and miss often; `%`/`_` are not wildcards. */
const TEXT_CHARS = ['a', 'b', 'A', 'B', 'é', 'É', ' ', '%', '_', '"', '\\'];
const TAGS = ['work', 'home', 'x-1'];

const text = (min: number, max: number) =>
  fc.array(fc.constantFrom(...TEXT_CHARS), { minLength: min, maxLength: max }).map((c) => c.join(''));
const instant = fc.constantFrom(...INSTANTS);

function taskArbitrary(ownerId: string, id: string): fc.Arbitrary<Task> {
  return fc
    .record({
      title: text(1, 6),
      description: fc.oneof(fc.constant(''), text(0, 6)),
      status: fc.constantFrom(...TASK_STATUSES),
      priority: fc.constantFrom(...TASK_PRIORITIES),
      dueDate: fc.option(instant, { nil: null }),
      tags: fc.subarray(TAGS),
      createdAt: instant,
      updatedAt: instant,
    })
    .map((r) => {
      const props: TaskProps = {
        id,
        ownerId,
        title: r.title,
        description: r.description,
        status: r.status,
        priority: r.priority,
        dueDate: r.dueDate,
        tags: r.tags,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        completedAt: r.status === 'completed' ? r.updatedAt : null,
        version: 1,
        recurrence: null,
      };
      return Task.restore(props);
    });
}

/** The owner's tasks and a few of another owner (that must never show), ids unique per run. */
export function filterTasksArbitrary(ownerId: string, otherId: string, maxTasks = 18): fc.Arbitrary<Task[]> {
  return fc
    .tuple(fc.integer({ min: 0, max: maxTasks }), fc.integer({ min: 0, max: 4 }))
    .chain(([mine, theirs]) =>
      fc.tuple(
        ...Array.from({ length: mine }, (_, i) => taskArbitrary(ownerId, `${ownerId}-${String(i).padStart(3, '0')}`)),
        ...Array.from({ length: theirs }, (_, i) => taskArbitrary(otherId, `${otherId}-${i}`)),
      ),
    );
}

const filterDate: fc.Arbitrary<FilterDate> = fc.oneof(
  instant.map((at) => ({ kind: 'instant' as const, at })),
  fc.constantFrom(TODAY - D, TODAY, TODAY + D, TODAY + 3 * D).map((ms) => ({ kind: 'day' as const, start: new Date(ms) })),
  fc.record({
    kind: fc.constant('relative' as const),
    base: fc.constantFrom('now' as const, 'today' as const),
    offsetMs: fc.constantFrom(0, H, -H, D, -D, 3 * D, -14 * D),
  }),
);

const ordered = fc.constantFrom('=' as const, '!=' as const, '<' as const, '<=' as const, '>' as const, '>=' as const);
const equality = fc.constantFrom('=' as const, '!=' as const);

/** One comparison of any field, with values drawn from what the tasks hold. */
export const filterLeafArbitrary: fc.Arbitrary<TaskFilterExpression> = fc.oneof(
  fc.record({
    kind: fc.constant('text' as const),
    field: fc.constantFrom('title' as const, 'description' as const),
    op: fc.constantFrom('=' as const, '!=' as const, '~' as const, '!~' as const),
    value: text(0, 3),
  }),
  fc.record({ kind: fc.constant('status' as const), op: equality, value: fc.constantFrom(...TASK_STATUSES) }),
  fc.record({ kind: fc.constant('priority' as const), op: ordered, value: fc.constantFrom(...TASK_PRIORITIES) }),
  fc.record({ kind: fc.constant('tag' as const), op: equality, value: fc.constantFrom(...TAGS, 'none') }),
  fc.record({
    kind: fc.constant('date' as const),
    field: fc.constantFrom('due' as const, 'created' as const, 'updated' as const, 'completed' as const),
    op: ordered,
    value: filterDate,
  }),
  fc.record({
    kind: fc.constant('null' as const),
    field: fc.constantFrom('tag' as const, 'due' as const, 'completed' as const),
    negated: fc.boolean(),
  }),
);

/** Expressions up to a few levels deep; `minOperands: 0` also draws the empty and/or (true/false). */
export function filterExpressionArbitrary(minOperands = 1): fc.Arbitrary<TaskFilterExpression> {
  const { node } = fc.letrec<{ node: TaskFilterExpression }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      filterLeafArbitrary,
      fc.record({
        kind: fc.constantFrom('and' as const, 'or' as const),
        operands: fc.array(tie('node'), { minLength: minOperands, maxLength: 3 }),
      }),
      fc.record({ kind: fc.constant('not' as const), operand: tie('node') }),
    ),
  }));
  return node;
}

/** The list's other parameters, in a third of the runs (they narrow a lot), combined with the expression. */
const otherCriteria: fc.Arbitrary<Omit<TaskListCriteria, 'now' | 'filter'>> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        status: fc.subarray([...TASK_STATUSES], { minLength: 1 }),
        tag: fc.constantFrom(...TAGS),
        q: fc.constantFrom('a', 'É', 'b '),
        dueBefore: instant,
      },
      { requiredKeys: [] },
    ),
  },
);

export interface TaskFilterSubject {
  /** Stores the tasks as the adapter writes them. */
  insert(tasks: readonly Task[]): Promise<void>;
  list(ownerId: string, request: TaskListRequest): Promise<TaskView[]>;
}

/** Every page of a list, following keyset positions as ListTasks does. */
async function listAll(subject: Pick<TaskFilterSubject, 'list'>, ownerId: string, base: Omit<TaskListRequest, 'after'>): Promise<string[]> {
  const ids: string[] = [];
  let after: TaskListRequest['after'] = null;
  for (let pages = 0; pages < 100; pages++) {
    const page = await subject.list(ownerId, { ...base, after });
    ids.push(...page.map((t) => t.id));
    const last = page.at(-1);
    if (page.length < base.limit || !last) return ids;
    after = { key: taskSortKey(last, base.sort), id: last.id };
  }
  throw new Error('more than 100 pages');
}

const SORTS: TaskSortField[] = ['createdAt', 'updatedAt', 'dueDate', 'priority'];
const ORDERS: SortOrder[] = ['asc', 'desc'];

/**
 * Runs the property against one store. `open` gives a store shared by every run (each run uses
 * fresh owner ids, so earlier runs' tasks are other owners' data that must never show).
 */
export function describeTaskFilterProperty(
  name: string,
  open: () => Promise<TaskFilterSubject & { dispose(): Promise<void> }>,
  numRuns = 200,
): void {
  describe(`${name}: filter expressions agree with the in-memory reference`, () => {
    let subject: (TaskFilterSubject & { dispose(): Promise<void> }) | undefined;
    let run = 0;
    beforeAll(async () => {
      subject = await open();
    });
    afterAll(async () => subject?.dispose());

    it('lists the same ids in the same order, page by page, for random expressions, criteria and sorts', async () => {
      await fc.assert(
        fc.asyncProperty(
          filterTasksArbitrary('me', 'them'),
          filterExpressionArbitrary(0),
          otherCriteria,
          fc.constantFrom(...SORTS),
          fc.constantFrom(...ORDERS),
          fc.integer({ min: 1, max: 7 }),
          async (drawn, filter, criteria, sort, order, limit) => {
            // Fresh owners and ids on every execution (shrinking re-runs a case): earlier runs'
            // rows stay in the store as other owners' data.
            run++;
            const ownerId = `me${run}`;
            const tasks = drawn.map((t) =>
              Task.restore({ ...t.toProps(), id: `r${run}-${t.id}`, ownerId: t.ownerId === 'me' ? ownerId : `them${run}` }),
            );
            await subject!.insert(tasks);
            const reference = new InMemoryStore();
            for (const task of tasks) reference.tasks.set(task.id, task.toProps());
            const request = { criteria: { ...criteria, filter, now: FILTER_NOW }, sort, order, limit };
            const expected = await listAll(new InMemoryTaskReadModel(reference), ownerId, request);
            expect(await listAll(subject!, ownerId, request)).toEqual(expected);
          },
        ),
        { numRuns },
      );
    });
  });
}
