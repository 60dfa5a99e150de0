import { createTestContext, type TestContext } from '@primetrade/testing';
import {
  InvalidTaskTransitionError,
  TaskNotFoundError,
  TaskPreconditionFailedError,
  TaskVersionConflictError,
} from '../../../model/task.errors';
import { TaskUpdated } from '../../../model/task.events';
import { CreateTaskCommand } from '../create-task/create-task.command';
import { CreateTaskHandler } from '../create-task/create-task.handler';
import { UpdateTaskCommand } from './update-task.command';
import { UpdateTaskHandler } from './update-task.handler';

describe('UpdateTaskHandler', () => {
  let ctx: TestContext;
  let handler: UpdateTaskHandler;
  let taskId: string;
  const update = (changes: UpdateTaskCommand['changes'], ifMatch?: number, ownerId = 'o1') =>
    handler.execute(new UpdateTaskCommand(ownerId, taskId, changes, ifMatch));

  beforeEach(async () => {
    ctx = createTestContext();
    handler = new UpdateTaskHandler(ctx.tasks, ctx.rules, ctx.clock, ctx.events);
    taskId = (
      await new CreateTaskHandler(ctx.tasks, ctx.ids, ctx.rules, ctx.clock, ctx.events).execute(
        new CreateTaskCommand('o1', { title: 'Draft' }),
      )
    ).id;
    ctx.events.clear();
    ctx.clock.advance(60_000);
  });

  it('saves the change with the next version and publishes TaskUpdated', async () => {
    const view = await update({ title: 'Final', status: 'in_progress' });
    expect(view).toMatchObject({ title: 'Final', status: 'in_progress', version: 2, updatedAt: ctx.clock.now() });
    expect((await ctx.tasks.findById('o1', taskId))?.toProps()).toEqual(view);
    expect(ctx.events.published).toHaveLength(1);
    expect(ctx.events.published[0]).toBeInstanceOf(TaskUpdated);
    expect([...(ctx.events.published[0] as TaskUpdated).changedFields].sort()).toEqual(['status', 'title']);
  });

  it('accepts an If-Match that names the current version', async () => {
    await update({ title: 'v2' }, 1);
    await expect(update({ title: 'v3' }, 2)).resolves.toMatchObject({ title: 'v3', version: 3 });
  });

  it('refuses a stale If-Match, telling the current version, and changes nothing', async () => {
    await update({ title: 'v2' });
    ctx.events.clear();
    const error = await update({ title: 'late' }, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskPreconditionFailedError);
    expect((error as TaskPreconditionFailedError).currentVersion).toBe(2);
    expect((await ctx.tasks.findById('o1', taskId))?.title).toBe('v2');
    expect(ctx.events.published).toEqual([]);
  });

  it('answers not found for another owner’s task, even with the right version', async () => {
    await expect(update({ title: 'hijack' }, 1, 'o2')).rejects.toBeInstanceOf(TaskNotFoundError);
    await expect(update({ title: 'hijack' }, undefined, 'o2')).rejects.toBeInstanceOf(TaskNotFoundError);
    expect((await ctx.tasks.findById('o1', taskId))?.title).toBe('Draft');
  });

  it('answers not found for an unknown task', async () => {
    await expect(handler.execute(new UpdateTaskCommand('o1', 'no-such-task', { title: 'x' }))).rejects.toBeInstanceOf(TaskNotFoundError);
  });

  it('neither saves nor publishes a change that changes nothing', async () => {
    const view = await update({ title: 'Draft', priority: 'medium' });
    expect(view.version).toBe(1);
    expect((await ctx.tasks.findById('o1', taskId))?.updatedAt).not.toEqual(ctx.clock.now());
    expect(ctx.events.calls).toBe(0);
  });

  it('refuses a transition the task does not allow, saving nothing', async () => {
    await update({ status: 'cancelled' });
    ctx.events.clear();
    await expect(update({ status: 'completed', title: 'sneaky' })).rejects.toBeInstanceOf(InvalidTaskTransitionError);
    expect((await ctx.tasks.findById('o1', taskId))?.toProps()).toMatchObject({ status: 'cancelled', title: 'Draft', version: 2 });
    expect(ctx.events.published).toEqual([]);
  });

  it('lets only one of two simultaneous updates of one version win', async () => {
    const results = await Promise.allSettled([update({ title: 'A' }), update({ title: 'B' })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(TaskVersionConflictError);
    const saved = await ctx.tasks.findById('o1', taskId);
    expect(saved?.version).toBe(2);
    expect(ctx.events.published).toHaveLength(1);
    expect(saved?.title).toBe((results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ title: string }>).value.title);
  });
});
