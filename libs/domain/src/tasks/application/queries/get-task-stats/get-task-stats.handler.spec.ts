import { createTestContext, type TestContext } from '@primetrade/testing';
import { CompleteTaskCommand } from '../../commands/complete-task/complete-task.command';
import { CompleteTaskHandler } from '../../commands/complete-task/complete-task.handler';
import { CreateTaskCommand, type NewTask } from '../../commands/create-task/create-task.command';
import { CreateTaskHandler } from '../../commands/create-task/create-task.handler';
import { UpdateTaskCommand } from '../../commands/update-task/update-task.command';
import { UpdateTaskHandler } from '../../commands/update-task/update-task.handler';
import { GetTaskStatsHandler } from './get-task-stats.handler';
import { GetTaskStatsQuery } from './get-task-stats.query';

const HOUR = 3_600_000;

describe('GetTaskStatsHandler', () => {
  let ctx: TestContext;
  let handler: GetTaskStatsHandler;
  const create = (task: NewTask, ownerId = 'o1') =>
    new CreateTaskHandler(ctx.tasks, ctx.ids, ctx.rules, ctx.clock, ctx.events).execute(new CreateTaskCommand(ownerId, task));
  const complete = (id: string) =>
    new CompleteTaskHandler(ctx.tasks, ctx.unitOfWork, ctx.rules, ctx.ids, ctx.clock, ctx.events).execute(
      new CompleteTaskCommand('o1', id),
    );
  const dueIn = (hours: number) => new Date(ctx.clock.now().getTime() + hours * HOUR);

  beforeEach(() => {
    ctx = createTestContext();
    handler = new GetTaskStatsHandler(ctx.statistics, ctx.clock);
  });

  it('gives zeros and no average to an owner without tasks', async () => {
    expect(await handler.execute(new GetTaskStatsQuery('o1'))).toEqual({
      total: 0,
      byStatus: { todo: 0, in_progress: 0, completed: 0, cancelled: 0 },
      byPriority: { low: 0, medium: 0, high: 0, urgent: 0 },
      overdue: 0,
      dueSoon: 0,
      completionRate: 0,
      averageCompletionMs: null,
      archived: 0,
    });
  });

  it('summarises the owner’s tasks as of the clock', async () => {
    const soon = await create({ title: 'Due soon', priority: 'high', dueDate: dueIn(2) });
    await create({ title: 'Overdue', status: 'in_progress', priority: 'urgent', dueDate: dueIn(-1) });
    await create({ title: 'Later', priority: 'low', dueDate: dueIn(48) });
    const quick = await create({ title: 'Quick', dueDate: dueIn(-5) });
    const slow = await create({ title: 'Slow' });
    const dropped = await create({ title: 'Dropped', dueDate: dueIn(-5) });
    await create({ title: 'Someone else’s', dueDate: dueIn(-1) }, 'o2');

    ctx.clock.advance(1 * HOUR);
    await complete(quick.id);
    ctx.clock.advance(2 * HOUR);
    await complete(slow.id);
    await new UpdateTaskHandler(ctx.tasks, ctx.rules, ctx.clock, ctx.events).execute(
      new UpdateTaskCommand('o1', dropped.id, { status: 'cancelled' }),
    );
    ctx.clock.set(new Date(soon.createdAt.getTime()));

    expect(await handler.execute(new GetTaskStatsQuery('o1'))).toEqual({
      total: 6,
      byStatus: { todo: 2, in_progress: 1, completed: 2, cancelled: 1 },
      byPriority: { low: 1, medium: 3, high: 1, urgent: 1 },
      overdue: 1,
      dueSoon: 1,
      completionRate: 2 / 6,
      averageCompletionMs: 2 * HOUR, // (1 h + 3 h) / 2
      archived: 0,
    });

    // Three hours on, the task due in two hours has become overdue.
    ctx.clock.advance(3 * HOUR);
    const later = await handler.execute(new GetTaskStatsQuery('o1'));
    expect(later.overdue).toBe(2);
    expect(later.dueSoon).toBe(0);
  });
});
