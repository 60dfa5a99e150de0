import { createTestContext, InMemoryTaskUnitOfWork, type TestContext } from '@primetrade/testing';
import { DomainValidationError } from '../../shared/model/domain.errors';
import { InvalidTaskTransitionError, TaskVersionConflictError } from '../model/task.errors';
import { BulkTasksCommand } from './commands/bulk-tasks/bulk-tasks.command';
import { BulkTasksHandler } from './commands/bulk-tasks/bulk-tasks.handler';
import { CompleteTaskCommand } from './commands/complete-task/complete-task.command';
import { CompleteTaskHandler } from './commands/complete-task/complete-task.handler';
import { CreateTaskCommand, type NewTask } from './commands/create-task/create-task.command';
import { CreateTaskHandler } from './commands/create-task/create-task.handler';
import { DeleteTaskCommand } from './commands/delete-task/delete-task.command';
import { DeleteTaskHandler } from './commands/delete-task/delete-task.handler';
import { UpdateTaskCommand } from './commands/update-task/update-task.command';
import { UpdateTaskHandler } from './commands/update-task/update-task.handler';

// The rule arithmetic here is the FixedStepRecurrenceRules double (UTC days); the RRULE library,
// its zones and daylight-saving changes are tested with the adapter in libs/infrastructure.
const DUE = new Date('2026-06-16T07:00:00.000Z');
const DAY = 86_400_000;
const DAILY = { rule: 'FREQ=DAILY', timeZone: 'Europe/Berlin' };

describe('recurring tasks', () => {
  let ctx: TestContext;
  const create = (task: Partial<NewTask> = {}) =>
    new CreateTaskHandler(ctx.tasks, ctx.ids, ctx.rules, ctx.clock, ctx.events).execute(
      new CreateTaskCommand('o1', {
        title: 'Stand-up',
        description: 'Daily',
        priority: 'high',
        tags: ['team'],
        dueDate: DUE,
        recurrence: DAILY,
        ...task,
      }),
    );
  const completer = () => new CompleteTaskHandler(ctx.tasks, ctx.unitOfWork, ctx.rules, ctx.ids, ctx.clock, ctx.events);
  const complete = (id: string, ifMatch?: number) => completer().execute(new CompleteTaskCommand('o1', id, ifMatch));
  const remove = (id: string, series: boolean) =>
    new DeleteTaskHandler(ctx.tasks, ctx.unitOfWork, ctx.rules, ctx.ids, ctx.clock, ctx.events).execute(
      new DeleteTaskCommand('o1', id, undefined, series),
    );
  const all = () => [...ctx.store.tasks.values()].sort((a, b) => a.dueDate!.getTime() - b.dueDate!.getTime());

  beforeEach(() => {
    ctx = createTestContext();
  });

  it('starts a series of its own on create', async () => {
    const first = await create();
    expect(first.recurrence).toEqual({ rule: 'FREQ=DAILY', timeZone: 'Europe/Berlin', seriesId: first.id });
  });

  it('refuses a recurring task without a due date, and a rule the rules refuse', async () => {
    await expect(create({ dueDate: null })).rejects.toMatchObject({
      violations: [{ field: 'dueDate', message: 'a recurring task needs a due date' }],
    });
    await expect(create({ recurrence: { rule: 'FREQ=NEVER', timeZone: 'UTC' } })).rejects.toBeInstanceOf(DomainValidationError);
    expect(ctx.store.tasks.size).toBe(0);
  });

  it('completing an occurrence creates the next, keeping its fields and series, with both events', async () => {
    const first = await create();
    ctx.events.clear();
    const done = await complete(first.id);
    expect(done).toMatchObject({ status: 'completed', nextOccurrence: { status: 'todo', dueDate: new Date(DUE.getTime() + DAY) } });
    expect(done.nextOccurrence).toMatchObject({
      title: 'Stand-up',
      description: 'Daily',
      priority: 'high',
      tags: ['team'],
      recurrence: { ...DAILY, seriesId: first.id },
      version: 1,
    });
    expect(ctx.events.types()).toEqual(['tasks.task-completed', 'tasks.task-updated', 'tasks.task-created']);
    expect(all().map((t) => t.status)).toEqual(['completed', 'todo']);
  });

  it('a retried completion creates nothing more', async () => {
    const first = await create();
    await complete(first.id);
    await expect(complete(first.id)).rejects.toBeInstanceOf(InvalidTaskTransitionError);
    expect(ctx.store.tasks.size).toBe(2);
  });

  it('completing a reopened occurrence again (Undo, then check) creates no second next one', async () => {
    const first = await create();
    await complete(first.id);
    await new UpdateTaskHandler(ctx.tasks, ctx.rules, ctx.clock, ctx.events).execute(
      new UpdateTaskCommand('o1', first.id, { status: 'todo' }),
    );
    ctx.events.clear();
    const again = await complete(first.id);
    expect(again).toMatchObject({ status: 'completed', nextOccurrence: null });
    expect(ctx.events.types()).toEqual(['tasks.task-completed', 'tasks.task-updated']);
    expect(all().map((t) => t.status)).toEqual(['completed', 'todo']);
  });

  it('two completions of the same read version: one wins, one next occurrence', async () => {
    const first = await create();
    const [a, b] = await Promise.allSettled([complete(first.id, 1), complete(first.id, 1)]);
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
    const failure = [a, b].find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failure.reason).toBeInstanceOf(TaskVersionConflictError);
    expect(ctx.store.tasks.size).toBe(2);
  });

  it('COUNT counts down and the last occurrence creates none', async () => {
    const first = await create({ recurrence: { rule: 'FREQ=DAILY;COUNT=2', timeZone: 'UTC' } });
    const second = (await complete(first.id)).nextOccurrence!;
    expect(second.recurrence?.rule).toBe('FREQ=DAILY;COUNT=1');
    expect((await complete(second.id)).nextOccurrence).toBeNull();
    expect(all().map((t) => t.status)).toEqual(['completed', 'completed']);
  });

  it('deleting one occurrence creates the next; deleting the series creates none', async () => {
    const first = await create();
    await remove(first.id, false);
    expect(all().map((t) => t.dueDate)).toEqual([new Date(DUE.getTime() + DAY)]);
    await remove(all()[0].id, true);
    expect(ctx.store.tasks.size).toBe(0);
  });

  it('a completed occurrence is deleted alone', async () => {
    const first = await create();
    await complete(first.id);
    await remove(first.id, false);
    expect(all().map((t) => t.status)).toEqual(['todo']);
  });

  it('an update may start, change or stop the repeating, never without a due date', async () => {
    const task = await create({ recurrence: null });
    const update = (changes: object) =>
      new UpdateTaskHandler(ctx.tasks, ctx.rules, ctx.clock, ctx.events).execute(new UpdateTaskCommand('o1', task.id, changes));
    expect((await update({ recurrence: { rule: 'freq=weekly', timeZone: 'UTC' } })).recurrence).toEqual({
      rule: 'FREQ=WEEKLY',
      timeZone: 'UTC',
      seriesId: task.id,
    });
    await expect(update({ dueDate: null })).rejects.toMatchObject({ violations: [{ field: 'dueDate' }] });
    expect((await update({ recurrence: null, dueDate: null })).recurrence).toBeNull();
  });

  it('an atomic batch completes the occurrence and creates the next in its one commit', async () => {
    const first = await create();
    const bulk = new BulkTasksHandler(
      ctx.tasks,
      new InMemoryTaskUnitOfWork(ctx.store, ctx.events),
      ctx.ids,
      ctx.rules,
      ctx.clock,
      ctx.events,
    );
    await bulk.execute(new BulkTasksCommand('o1', [{ op: 'complete', id: first.id }], true));
    expect(all().map((t) => t.status)).toEqual(['completed', 'todo']);
  });
});
