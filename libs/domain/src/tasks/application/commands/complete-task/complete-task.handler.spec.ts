import { createTestContext, type TestContext } from '@primetrade/testing';
import { InvalidTaskTransitionError, TaskNotFoundError, TaskPreconditionFailedError } from '../../../model/task.errors';
import { TaskCompleted, TaskUpdated } from '../../../model/task.events';
import { CreateTaskCommand } from '../create-task/create-task.command';
import { CreateTaskHandler } from '../create-task/create-task.handler';
import { UpdateTaskCommand } from '../update-task/update-task.command';
import { UpdateTaskHandler } from '../update-task/update-task.handler';
import { CompleteTaskCommand } from './complete-task.command';
import { CompleteTaskHandler } from './complete-task.handler';

describe('CompleteTaskHandler', () => {
  let ctx: TestContext;
  let handler: CompleteTaskHandler;
  let taskId: string;
  let createdAt: Date;
  const complete = (ifMatch?: number, ownerId = 'o1') => handler.execute(new CompleteTaskCommand(ownerId, taskId, ifMatch));

  beforeEach(async () => {
    ctx = createTestContext();
    handler = new CompleteTaskHandler(ctx.tasks, ctx.unitOfWork, ctx.rules, ctx.ids, ctx.clock, ctx.events);
    const created = await new CreateTaskHandler(ctx.tasks, ctx.ids, ctx.rules, ctx.clock, ctx.events).execute(
      new CreateTaskCommand('o1', { title: 'Ship', priority: 'urgent' }),
    );
    taskId = created.id;
    createdAt = created.createdAt;
    ctx.events.clear();
  });

  it('completes the task, saves completedAt and the next version', async () => {
    const at = ctx.clock.advance(2 * 3_600_000);
    const view = await complete();
    expect(view).toMatchObject({ status: 'completed', completedAt: at, updatedAt: at, version: 2 });
    expect((await ctx.tasks.findById('o1', taskId))?.toProps()).toEqual({ ...view, nextOccurrence: undefined });
    expect(view.nextOccurrence).toBeNull();
  });

  it('publishes TaskCompleted with the time from creation to completion', async () => {
    ctx.clock.advance(2 * 3_600_000);
    await complete();
    const completed = ctx.events.published.find((e) => e instanceof TaskCompleted) as TaskCompleted;
    expect(completed).toMatchObject({
      aggregateId: taskId,
      ownerId: 'o1',
      priority: 'urgent',
      durationMs: ctx.clock.now().getTime() - createdAt.getTime(),
    });
    expect(completed.durationMs).toBe(2 * 3_600_000);
    expect(ctx.events.published.some((e) => e instanceof TaskUpdated)).toBe(true);
  });

  it('checks If-Match', async () => {
    await expect(complete(7)).rejects.toBeInstanceOf(TaskPreconditionFailedError);
    expect((await ctx.tasks.findById('o1', taskId))?.status).toBe('todo');
    await expect(complete(1)).resolves.toMatchObject({ status: 'completed' });
  });

  it('answers not found for another owner’s task', async () => {
    await expect(complete(undefined, 'o2')).rejects.toBeInstanceOf(TaskNotFoundError);
    expect((await ctx.tasks.findById('o1', taskId))?.status).toBe('todo');
    expect(ctx.events.published).toEqual([]);
  });

  it('refuses to complete a cancelled task', async () => {
    await new UpdateTaskHandler(ctx.tasks, ctx.rules, ctx.clock, ctx.events).execute(
      new UpdateTaskCommand('o1', taskId, { status: 'cancelled' }),
    );
    ctx.events.clear();
    await expect(complete()).rejects.toBeInstanceOf(InvalidTaskTransitionError);
    expect(ctx.events.published).toEqual([]);
  });

  it('refuses to complete a task twice, leaving the first completion as it was', async () => {
    const first = await complete();
    ctx.events.clear();
    ctx.clock.advance(1000);
    await expect(complete()).rejects.toBeInstanceOf(InvalidTaskTransitionError);
    const { nextOccurrence: _, ...stored } = first;
    expect((await ctx.tasks.findById('o1', taskId))?.toProps()).toEqual(stored);
    expect(ctx.events.published).toEqual([]);
  });
});
