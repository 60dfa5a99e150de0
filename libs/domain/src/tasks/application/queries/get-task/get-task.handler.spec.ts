import { createTestContext, type TestContext } from '@primetrade/testing';
import { TaskNotFoundError } from '../../../model/task.errors';
import { CreateTaskCommand } from '../../commands/create-task/create-task.command';
import { CreateTaskHandler } from '../../commands/create-task/create-task.handler';
import { UpdateTaskCommand } from '../../commands/update-task/update-task.command';
import { UpdateTaskHandler } from '../../commands/update-task/update-task.handler';
import { GetTaskHandler } from './get-task.handler';
import { GetTaskQuery } from './get-task.query';

describe('GetTaskHandler', () => {
  let ctx: TestContext;
  let handler: GetTaskHandler;
  beforeEach(() => {
    ctx = createTestContext();
    handler = new GetTaskHandler(ctx.tasks);
  });

  it('reads its own writes', async () => {
    const created = await new CreateTaskHandler(ctx.tasks, ctx.ids, ctx.rules, ctx.clock, ctx.events).execute(
      new CreateTaskCommand('o1', { title: 'Read me' }),
    );
    expect(await handler.execute(new GetTaskQuery('o1', created.id))).toEqual(created);
    const updated = await new UpdateTaskHandler(ctx.tasks, ctx.rules, ctx.clock, ctx.events).execute(
      new UpdateTaskCommand('o1', created.id, { title: 'Changed' }),
    );
    expect(await handler.execute(new GetTaskQuery('o1', created.id))).toEqual(updated);
  });

  it('answers not found for another owner’s task as for a missing one', async () => {
    const created = await new CreateTaskHandler(ctx.tasks, ctx.ids, ctx.rules, ctx.clock, ctx.events).execute(
      new CreateTaskCommand('o1', { title: 'Private' }),
    );
    await expect(handler.execute(new GetTaskQuery('o2', created.id))).rejects.toBeInstanceOf(TaskNotFoundError);
    await expect(handler.execute(new GetTaskQuery('o1', 'missing'))).rejects.toBeInstanceOf(TaskNotFoundError);
  });
});
