import type { Task } from '../../../model/task.entity';
import { TaskNotFoundError, TaskPreconditionFailedError, TaskVersionConflictError } from '../../../model/task.errors';
import { TaskDeleted } from '../../../model/task.events';
import { TaskRepository } from '../../../ports/task.repository.port';
import { createTestContext, type TestContext } from '@primetrade/testing';
import { CreateTaskCommand } from '../create-task/create-task.command';
import { CreateTaskHandler } from '../create-task/create-task.handler';
import { DeleteTaskCommand } from './delete-task.command';
import { DeleteTaskHandler } from './delete-task.handler';

/** The real in-memory repository, with another request saving the task right after each read. */
class EditedInBetween extends TaskRepository {
  constructor(private readonly inner: TaskRepository) {
    super();
  }

  async findById(ownerId: string, id: string): Promise<Task | null> {
    const task = await this.inner.findById(ownerId, id);
    const other = await this.inner.findById(ownerId, id);
    if (other) {
      other.update({ title: `${other.title} (edited elsewhere)` }, new Date());
      await this.inner.update(other);
    }
    return task;
  }

  insert(task: Task) {
    return this.inner.insert(task);
  }
  update(task: Task) {
    return this.inner.update(task);
  }
  delete(ownerId: string, id: string, version: number) {
    return this.inner.delete(ownerId, id, version);
  }
}

describe('DeleteTaskHandler', () => {
  let ctx: TestContext;
  let handler: DeleteTaskHandler;
  let taskId: string;
  const remove = (ifMatch?: number, ownerId = 'o1') => handler.execute(new DeleteTaskCommand(ownerId, taskId, ifMatch));

  beforeEach(async () => {
    ctx = createTestContext();
    handler = new DeleteTaskHandler(ctx.tasks, ctx.unitOfWork, ctx.rules, ctx.ids, ctx.clock, ctx.events);
    taskId = (
      await new CreateTaskHandler(ctx.tasks, ctx.ids, ctx.rules, ctx.clock, ctx.events).execute(
        new CreateTaskCommand('o1', { title: 'Old' }),
      )
    ).id;
    ctx.events.clear();
  });

  it('deletes the task and publishes TaskDeleted', async () => {
    await remove();
    expect(await ctx.tasks.findById('o1', taskId)).toBeNull();
    expect(ctx.events.published).toHaveLength(1);
    expect(ctx.events.published[0]).toBeInstanceOf(TaskDeleted);
    expect(ctx.events.published[0]).toMatchObject({ aggregateId: taskId, ownerId: 'o1', last: { status: 'todo' } });
  });

  it('answers not found the second time', async () => {
    await remove();
    await expect(remove()).rejects.toBeInstanceOf(TaskNotFoundError);
  });

  it('checks If-Match and keeps the task when it is stale', async () => {
    await expect(remove(2)).rejects.toBeInstanceOf(TaskPreconditionFailedError);
    expect(await ctx.tasks.findById('o1', taskId)).not.toBeNull();
    expect(ctx.events.published).toEqual([]);
    await remove(1);
    expect(await ctx.tasks.findById('o1', taskId)).toBeNull();
  });

  it('answers not found for another owner’s task and keeps it', async () => {
    await expect(remove(undefined, 'o2')).rejects.toBeInstanceOf(TaskNotFoundError);
    await expect(remove(1, 'o2')).rejects.toBeInstanceOf(TaskNotFoundError);
    expect(await ctx.tasks.findById('o1', taskId)).not.toBeNull();
  });

  it('refuses with a conflict when the task was edited after it was read, keeping the edit', async () => {
    handler = new DeleteTaskHandler(new EditedInBetween(ctx.tasks), ctx.unitOfWork, ctx.rules, ctx.ids, ctx.clock, ctx.events);
    await expect(remove()).rejects.toBeInstanceOf(TaskVersionConflictError);
    expect((await ctx.tasks.findById('o1', taskId))?.title).toBe('Old (edited elsewhere)');
    expect(ctx.events.published).toEqual([]);
  });
});
