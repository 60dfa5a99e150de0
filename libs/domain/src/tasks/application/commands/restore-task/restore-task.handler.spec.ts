import { createTestContext, type TestContext } from '@primetrade/testing';
import { Task } from '../../../model/task.entity';
import { TaskNotFoundError } from '../../../model/task.errors';
import { TaskRestored } from '../../../model/task.events';
import { RestoreTaskCommand } from './restore-task.command';
import { RestoreTaskHandler } from './restore-task.handler';

const DAY = 86_400_000;

describe('RestoreTaskHandler', () => {
  let ctx: TestContext;
  let handler: RestoreTaskHandler;
  const restore = (ownerId = 'o1', id = 't1') => handler.execute(new RestoreTaskCommand(ownerId, id));

  beforeEach(async () => {
    ctx = createTestContext();
    handler = new RestoreTaskHandler(ctx.archive, ctx.clock, ctx.events);
    const now = ctx.clock.now();
    const task = Task.create({ id: 't1', ownerId: 'o1', title: 'Filed away', tags: ['paper'], now: new Date(now.getTime() - 200 * DAY) });
    task.complete(new Date(now.getTime() - 100 * DAY));
    task.pullEvents();
    await ctx.tasks.insert(task);
    await ctx.archive.archiveBatch(new Date(now.getTime() - 90 * DAY), 500, now);
    ctx.events.clear();
  });

  it('brings the task back as a hot one: a new version, changed now, recorded as TaskRestored', async () => {
    const view = await restore();
    expect(view).toMatchObject({ id: 't1', status: 'completed', version: 2, updatedAt: ctx.clock.now(), tags: ['paper'] });
    expect((await ctx.tasks.findById('o1', 't1'))?.toProps()).toEqual(view);
    expect(await ctx.archive.findById('o1', 't1')).toBeNull();
    expect(ctx.events.published.map((e) => e.constructor)).toEqual([TaskRestored]);
    expect((await ctx.statistics.overview('o1', ctx.clock.now())).archived).toBe(0);
  });

  it('answers not found for another owner’s task, an unknown id and one restored already', async () => {
    await expect(restore('o2')).rejects.toBeInstanceOf(TaskNotFoundError);
    await expect(restore('o1', 'nope')).rejects.toBeInstanceOf(TaskNotFoundError);
    expect(ctx.events.published).toEqual([]);
    await restore();
    await expect(restore()).rejects.toBeInstanceOf(TaskNotFoundError);
  });
});
