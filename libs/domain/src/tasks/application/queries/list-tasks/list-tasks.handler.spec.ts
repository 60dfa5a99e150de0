import type { Page } from '../../../../shared/application/page';
import { encodeCursor, InvalidCursorError } from '../../../../shared/application/cursor';
import { createTestContext, type TestContext } from '@primetrade/testing';
import type { SortOrder, TaskSortField } from '../../../ports/task-read-model.port';
import { CreateTaskCommand, type NewTask } from '../../commands/create-task/create-task.command';
import { CreateTaskHandler } from '../../commands/create-task/create-task.handler';
import type { TaskView } from '../../task.view';
import { ListTasksQuery } from './list-tasks.query';
import { ListTasksHandler } from './list-tasks.handler';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('ListTasksHandler', () => {
  let ctx: TestContext;
  let creator: CreateTaskHandler;
  let handler: ListTasksHandler;

  beforeEach(() => {
    ctx = createTestContext();
    creator = new CreateTaskHandler(ctx.tasks, ctx.ids, ctx.rules, ctx.clock, ctx.events);
    handler = new ListTasksHandler(ctx.readModel, ctx.clock);
  });

  /** Creates tasks through the real handler; `stepMs` apart (0 gives them all one createdAt). */
  async function seed(
    count: number,
    input: (i: number) => NewTask = (i) => ({ title: `Task ${i}` }),
    ownerId = 'o1',
    stepMs = MINUTE,
  ): Promise<TaskView[]> {
    const views: TaskView[] = [];
    for (let i = 0; i < count; i++) {
      views.push(await creator.execute(new CreateTaskCommand(ownerId, input(i))));
      ctx.clock.advance(stepMs);
    }
    return views;
  }

  const list = (
    options: {
      sort?: TaskSortField;
      order?: SortOrder;
      limit?: number;
      cursor?: string;
      criteria?: ListTasksQuery['criteria'];
      ownerId?: string;
    } = {},
  ) =>
    handler.execute(
      new ListTasksQuery(options.ownerId ?? 'o1', options.criteria ?? {}, options.sort, options.order, options.limit, options.cursor),
    );

  /** Follows nextCursor to the end, returning the pages. */
  async function allPages(options: Parameters<typeof list>[0]): Promise<Page<TaskView>[]> {
    const pages: Page<TaskView>[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ ...options, cursor });
      pages.push(page);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && pages.length < 50);
    return pages;
  }
  const idsOf = (pages: Page<TaskView>[]) => pages.flatMap((p) => p.items.map((t) => t.id));

  it('lists newest first by default, 20 to a page', async () => {
    const created = await seed(25);
    const page = await list();
    expect(page.items).toHaveLength(20);
    expect(page.items[0]).toEqual(created[24]);
    expect(page.nextCursor).not.toBeNull();
  });

  it('pages through every task with the cursor it hands out, without gaps or repeats', async () => {
    const created = await seed(25);
    const pages = await allPages({ limit: 10 });
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.nextCursor === null)).toEqual([false, false, true]);
    expect(idsOf(pages)).toEqual(created.map((t) => t.id).reverse());
  });

  it('gives no empty last page when the count is a multiple of the limit', async () => {
    await seed(20);
    const pages = await allPages({ limit: 10 });
    expect(pages.map((p) => p.items.length)).toEqual([10, 10]);
    expect(pages[1].nextCursor).toBeNull();
  });

  it('breaks ties on the sort key by id, across page boundaries', async () => {
    const created = await seed(7, (i) => ({ title: `Same instant ${i}` }), 'o1', 0);
    const pages = await allPages({ sort: 'createdAt', order: 'asc', limit: 3 });
    expect(idsOf(pages)).toEqual(created.map((t) => t.id));
  });

  it('pages by due date with undated tasks after every dated one, in both orders', async () => {
    const offsets = [5, null, -2, 30, null, 1, null];
    const created = await seed(offsets.length, (i) => ({
      title: `Due ${i}`,
      dueDate: offsets[i] === null ? null : new Date(ctx.clock.now().getTime() + offsets[i]! * HOUR),
    }));
    const byOffset = (i: number) => created[i].id;
    // Dated ascending by due date, then the undated ones by id.
    const ascending = [2, 5, 0, 3, 1, 4, 6].map(byOffset);
    expect(idsOf(await allPages({ sort: 'dueDate', order: 'asc', limit: 2 }))).toEqual(ascending);
    expect(idsOf(await allPages({ sort: 'dueDate', order: 'desc', limit: 2 }))).toEqual([...ascending].reverse());
  });

  it('pages by priority, highest first, ties by id', async () => {
    const priorities = ['low', 'urgent', 'medium', 'urgent', 'high', 'low'] as const;
    const created = await seed(priorities.length, (i) => ({ title: `P ${i}`, priority: priorities[i] }));
    const expected = [3, 1, 4, 2, 5, 0].map((i) => created[i].id);
    expect(idsOf(await allPages({ sort: 'priority', order: 'desc', limit: 4 }))).toEqual(expected);
  });

  it('clamps the limit to at most 100', async () => {
    await seed(105, (i) => ({ title: `Task ${i}` }), 'o1', 1000);
    const first = await list({ limit: 1000 });
    expect(first.items).toHaveLength(100);
    expect(first.nextCursor).not.toBeNull();
    const second = await list({ limit: 1000, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
  });

  it('clamps the limit to at least 1 and drops fractions', async () => {
    await seed(5);
    expect((await list({ limit: 0 })).items).toHaveLength(1);
    expect((await list({ limit: -7 })).items).toHaveLength(1);
    expect((await list({ limit: 2.9 })).items).toHaveLength(2);
  });

  it('refuses a garbage cursor', async () => {
    await seed(3);
    await expect(list({ cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(list({ cursor: encodeCursor('tasks:createdAt:desc', { key: 1 }) })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('refuses a cursor handed out for another sort or order', async () => {
    await seed(3);
    const { nextCursor } = await list({ sort: 'createdAt', order: 'desc', limit: 1 });
    expect(nextCursor).not.toBeNull();
    await expect(list({ sort: 'createdAt', order: 'asc', cursor: nextCursor! })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(list({ sort: 'updatedAt', order: 'desc', cursor: nextCursor! })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('lists only the caller’s tasks', async () => {
    const mine = await seed(3);
    await seed(4, (i) => ({ title: `Theirs ${i}` }), 'o2');
    const page = await list({ limit: 100 });
    expect(page.items.map((t) => t.id).sort()).toEqual(mine.map((t) => t.id).sort());
  });

  it('passes the filters on, judging "overdue" by the clock', async () => {
    const created = await seed(3, (i) => ({
      title: i === 1 ? 'Quarterly REPORT' : `Task ${i}`,
      dueDate: new Date(ctx.clock.now().getTime() + (i + 1) * HOUR),
      tags: i === 2 ? ['Home'] : [],
    }));
    expect((await list({ criteria: { overdue: true } })).items).toEqual([]);
    // Due 1 h, 2 h and 3 h after their creation a minute apart: 2.5 h on, two have passed.
    ctx.clock.advance(2.5 * HOUR);
    expect((await list({ criteria: { overdue: true } })).items.map((t) => t.id).sort()).toEqual([created[0].id, created[1].id]);
    expect((await list({ criteria: { q: 'report' } })).items.map((t) => t.id)).toEqual([created[1].id]);
    expect((await list({ criteria: { tag: 'HOME' } })).items.map((t) => t.id)).toEqual([created[2].id]);
    expect((await list({ criteria: { status: ['completed'] } })).items).toEqual([]);
  });

  it('makes one page of a rows array the read model hands out again (a cached read), for the same request only', async () => {
    const rows = await seed(4);
    // As a caching read model does: the very same array for the same request.
    jest.spyOn(ctx.readModel, 'list').mockResolvedValue(rows);
    const first = await list({ limit: 3 });
    expect(await list({ limit: 3 })).toBe(first);
    expect(first.items).toHaveLength(3);
    const other = await list({ limit: 2 });
    expect(other).not.toBe(first);
    expect(other.items).toHaveLength(2);
    expect(await list({ limit: 3, order: 'asc' })).not.toBe(first);
  });
});
