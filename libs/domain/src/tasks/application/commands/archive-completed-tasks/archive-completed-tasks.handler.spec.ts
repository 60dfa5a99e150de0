import { createTestContext, type TestContext } from '@primetrade/testing';
import { Task } from '../../../model/task.entity';
import { TaskArchived } from '../../../model/task.events';
import { TASK_ARCHIVE_BATCH } from '../../../ports/task-archive.port';
import { ArchiveCompletedTasksCommand } from './archive-completed-tasks.command';
import { ArchiveCompletedTasksHandler } from './archive-completed-tasks.handler';

const DAY = 86_400_000;

describe('ArchiveCompletedTasksHandler', () => {
  let ctx: TestContext;
  let handler: ArchiveCompletedTasksHandler;
  const add = async (id: string, completedDaysAgo: number | null) => {
    const now = ctx.clock.now().getTime();
    const task = Task.create({ id, ownerId: 'o1', title: id, now: new Date(now - 400 * DAY) });
    if (completedDaysAgo !== null) task.complete(new Date(now - completedDaysAgo * DAY));
    task.pullEvents();
    await ctx.tasks.insert(task);
  };

  beforeEach(() => {
    ctx = createTestContext();
    handler = new ArchiveCompletedTasksHandler(ctx.archive, ctx.clock);
  });

  it('moves every completed task unchanged for longer than the age, in as many batches as it takes', async () => {
    for (let i = 0; i < TASK_ARCHIVE_BATCH + 3; i++) await add(`old-${i}`, 91 + (i % 200));
    await add('recent', 89);
    await add('open', null);
    expect(await handler.execute(new ArchiveCompletedTasksCommand(90 * DAY))).toBe(TASK_ARCHIVE_BATCH + 3);
    expect([...ctx.store.tasks.keys()].sort()).toEqual(['open', 'recent']);
    expect(ctx.events.published.filter((e) => e instanceof TaskArchived)).toHaveLength(TASK_ARCHIVE_BATCH + 3);
    expect(await handler.execute(new ArchiveCompletedTasksCommand(90 * DAY))).toBe(0);
  });

  it('does nothing when the age is 0 (archiving off)', async () => {
    await add('old', 400);
    expect(await handler.execute(new ArchiveCompletedTasksCommand(0))).toBe(0);
    expect(ctx.store.tasks.has('old')).toBe(true);
  });
});
