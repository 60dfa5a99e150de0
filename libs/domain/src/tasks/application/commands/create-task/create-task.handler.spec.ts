import { DomainValidationError } from '../../../../shared/model/domain.errors';
import { createTestContext, type TestContext } from '@primetrade/testing';
import { TaskCreated } from '../../../model/task.events';
import { CreateTaskCommand } from './create-task.command';
import { CreateTaskHandler } from './create-task.handler';

describe('CreateTaskHandler', () => {
  let ctx: TestContext;
  let handler: CreateTaskHandler;
  beforeEach(() => {
    ctx = createTestContext();
    handler = new CreateTaskHandler(ctx.tasks, ctx.ids, ctx.rules, ctx.clock, ctx.events);
  });

  it('creates the task for its owner, stores it and returns its view', async () => {
    const due = new Date(ctx.clock.now().getTime() + 86_400_000);
    const view = await handler.execute(new CreateTaskCommand('o1', { title: ' Plan Q3 ', priority: 'high', dueDate: due, tags: ['Work'] }));
    expect(view).toEqual({
      id: 'id-0001',
      ownerId: 'o1',
      title: 'Plan Q3',
      description: '',
      status: 'todo',
      priority: 'high',
      dueDate: due,
      tags: ['work'],
      createdAt: ctx.clock.now(),
      updatedAt: ctx.clock.now(),
      completedAt: null,
      version: 1,
      recurrence: null,
    });
    expect((await ctx.tasks.findById('o1', 'id-0001'))?.toProps()).toEqual(view);
    expect(await ctx.tasks.findById('o2', 'id-0001')).toBeNull();
  });

  it('publishes TaskCreated once', async () => {
    await handler.execute(new CreateTaskCommand('o1', { title: 'Plan' }));
    expect(ctx.events.published).toHaveLength(1);
    expect(ctx.events.published[0]).toBeInstanceOf(TaskCreated);
    expect(ctx.events.published[0]).toMatchObject({ aggregateId: 'id-0001', ownerId: 'o1' });
  });

  it('stores and publishes nothing for an invalid task', async () => {
    await expect(handler.execute(new CreateTaskCommand('o1', { title: '   ' }))).rejects.toBeInstanceOf(DomainValidationError);
    await expect(handler.execute(new CreateTaskCommand('o1', { title: 'x', status: 'completed' }))).rejects.toBeInstanceOf(
      DomainValidationError,
    );
    expect(ctx.store.tasks.size).toBe(0);
    expect(ctx.events.published).toEqual([]);
  });
});
