import { CommandBus } from '@nestjs/cqrs';
import { createTestContext, type TestContext } from '@primetrade/testing';
import { CompleteTaskHandler } from './commands/complete-task/complete-task.handler';
import { CompleteTaskCommand } from './commands/complete-task/complete-task.command';
import { CreateTaskCommand } from './commands/create-task/create-task.command';
import { CreateTaskHandler } from './commands/create-task/create-task.handler';
import { ImportTasksCommand } from './commands/import-tasks/import-tasks.command';
import { ImportTasksHandler } from './commands/import-tasks/import-tasks.handler';
import { ExportTasksHandler } from './queries/export-tasks/export-tasks.handler';
import { EXPORT_PAGE_SIZE } from './task-pages';
import { ExportTasksQuery } from './queries/export-tasks/export-tasks.query';
import type { TaskView } from './task.view';

/** The two commands import uses, run the way the CommandBus runs them. */
function commandBus(ctx: TestContext): CommandBus {
  const create = new CreateTaskHandler(ctx.tasks, ctx.ids, ctx.rules, ctx.clock, ctx.events);
  const complete = new CompleteTaskHandler(ctx.tasks, ctx.unitOfWork, ctx.rules, ctx.ids, ctx.clock, ctx.events);
  return {
    execute: async (command: unknown) => {
      if (command instanceof CreateTaskCommand) return create.execute(command);
      if (command instanceof CompleteTaskCommand) return complete.execute(command);
      throw new Error(`unexpected command ${String(command)}`);
    },
  } as unknown as CommandBus;
}

async function collect(stream: AsyncIterable<TaskView>): Promise<TaskView[]> {
  const all: TaskView[] = [];
  for await (const task of stream) all.push(task);
  return all;
}

describe('task import and export', () => {
  let ctx: TestContext;
  let importTasks: ImportTasksHandler;
  let exportTasks: ExportTasksHandler;
  beforeEach(() => {
    ctx = createTestContext();
    importTasks = new ImportTasksHandler(commandBus(ctx), ctx.clock);
    exportTasks = new ExportTasksHandler(ctx.readModel, ctx.clock);
  });

  it('imports the valid rows, reports each bad one with its row and field, and keeps going', async () => {
    const report = await importTasks.execute(
      new ImportTasksCommand(
        'u1',
        [
          { row: 2, task: { title: 'Pay rent', priority: 'high', tags: ['home'] } },
          { row: 3, task: { title: '' } },
          { row: 4, problems: [{ field: 'dueDate', message: 'is not a date' }] },
          { row: 5, task: { title: 'Done before', status: 'completed' } },
        ],
        false,
      ),
    );
    expect(report).toEqual({
      dryRun: false,
      imported: 2,
      failed: [
        { row: 3, field: 'title', problem: expect.any(String) },
        { row: 4, field: 'dueDate', problem: 'is not a date' },
      ],
    });
    const stored = await collect(await exportTasks.execute(new ExportTasksQuery('u1', {})));
    expect(stored.map((t) => [t.title, t.status])).toEqual([
      ['Pay rent', 'todo'],
      ['Done before', 'completed'],
    ]);
    // The same events as the single routes: created, created, then completed (with its update).
    expect(ctx.events.published.map((e) => e.constructor.name)).toEqual(['TaskCreated', 'TaskCreated', 'TaskCompleted', 'TaskUpdated']);
  });

  it('validates only in a dry run', async () => {
    const report = await importTasks.execute(
      new ImportTasksCommand(
        'u1',
        [
          { row: 2, task: { title: 'Maybe' } },
          { row: 3, task: { title: '' } },
        ],
        true,
      ),
    );
    expect(report).toMatchObject({ dryRun: true, imported: 1, failed: [{ row: 3, field: 'title' }] });
    expect(await collect(await exportTasks.execute(new ExportTasksQuery('u1', {})))).toEqual([]);
  });

  it("exports every matching task of the owner across pages, in order, and nobody else's", async () => {
    const rows = Array.from({ length: EXPORT_PAGE_SIZE * 2 + 7 }, (_, i) => ({
      row: i + 2,
      task: { title: `Task ${i}`, priority: i % 2 ? ('high' as const) : ('low' as const) },
    }));
    await importTasks.execute(new ImportTasksCommand('u1', rows, false));
    await importTasks.execute(new ImportTasksCommand('u2', [{ row: 2, task: { title: 'Not yours' } }], false));
    const all = await collect(await exportTasks.execute(new ExportTasksQuery('u1', {}, 'createdAt', 'asc')));
    expect(all).toHaveLength(EXPORT_PAGE_SIZE * 2 + 7);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    expect(all.every((t) => t.ownerId === 'u1')).toBe(true);
    const high = await collect(await exportTasks.execute(new ExportTasksQuery('u1', { priority: ['high'] })));
    expect(high).toHaveLength(EXPORT_PAGE_SIZE + 3);
  });
});
