import { createTestContext, InMemoryTaskUnitOfWork, type TestContext } from '@primetrade/testing';
import {
  InvalidTaskTransitionError,
  TaskBatchAbortedError,
  TaskNotFoundError,
  TaskPreconditionFailedError,
  TaskVersionConflictError,
} from '../../../model/task.errors';
import { DomainError } from '../../../../shared/model/domain.errors';
import { Task } from '../../../model/task.entity';
import { CreateTaskCommand } from '../create-task/create-task.command';
import { CreateTaskHandler } from '../create-task/create-task.handler';
import { type BulkTaskOperation, BulkTasksCommand } from './bulk-tasks.command';
import { BulkTasksHandler } from './bulk-tasks.handler';

describe('BulkTasksHandler', () => {
  let ctx: TestContext;
  let handler: BulkTasksHandler;
  let a: string;
  let b: string;
  const bulk = (operations: BulkTaskOperation[], atomic = false, ownerId = 'o1') =>
    handler.execute(new BulkTasksCommand(ownerId, operations, atomic));
  const stored = async (id: string) => (await ctx.tasks.findById('o1', id))?.toProps();

  beforeEach(async () => {
    ctx = createTestContext();
    handler = new BulkTasksHandler(ctx.tasks, new InMemoryTaskUnitOfWork(ctx.store, ctx.events), ctx.ids, ctx.rules, ctx.clock, ctx.events);
    const create = new CreateTaskHandler(ctx.tasks, ctx.ids, ctx.rules, ctx.clock, ctx.events);
    a = (await create.execute(new CreateTaskCommand('o1', { title: 'A' }))).id;
    b = (await create.execute(new CreateTaskCommand('o1', { title: 'B', priority: 'low' }))).id;
    ctx.events.clear();
  });

  describe('not atomic', () => {
    it('runs every operation in order and answers one result each; a failed one leaves the others done', async () => {
      const results = await bulk([
        { op: 'create', task: { title: 'C', tags: ['x'] } },
        { op: 'update', id: a, changes: { priority: 'urgent' } },
        { op: 'complete', id: b },
        { op: 'complete', id: 'missing' },
        { op: 'reopen', id: b },
        { op: 'delete', id: a, ifMatch: 2 },
      ]);
      expect(results.map((r) => (r.ok ? (r.task?.status ?? 'deleted') : (r.error as DomainError).code))).toEqual([
        'todo',
        'todo',
        'completed',
        'TASK.NOT_FOUND',
        'todo',
        'deleted',
      ]);
      expect(await stored(a)).toBeUndefined();
      expect(await stored(b)).toMatchObject({ status: 'todo', version: 3 });
      expect(ctx.events.types()).toEqual([
        'tasks.task-created',
        'tasks.task-updated',
        'tasks.task-completed', // raised as the status moves, before the update that carries it
        'tasks.task-updated',
        'tasks.task-updated',
        'tasks.task-deleted',
      ]);
    });

    it('answers each failure with the single route’s error: stale If-Match, a transition refused, invalid input, another owner', async () => {
      const results = await bulk([
        { op: 'complete', id: a, ifMatch: 9 },
        { op: 'reopen', id: a },
        { op: 'create', task: { title: '' } },
        { op: 'delete', id: a },
      ]);
      expect(results[0]).toEqual({ ok: false, error: expect.any(TaskPreconditionFailedError) });
      expect(results[1]).toMatchObject({ ok: true, task: { status: 'todo', version: 1 } }); // PATCH status todo on an open task: no change
      expect(results[2]).toMatchObject({ ok: false, error: { kind: 'validation' } });
      expect(results[3]).toMatchObject({ ok: true, task: null });
      const other = await bulk([{ op: 'update', id: b, changes: { title: 'Mine now' } }], false, 'o2');
      expect(other).toEqual([{ ok: false, error: expect.any(TaskNotFoundError) }]);
      expect(await stored(b)).toMatchObject({ title: 'B' });
    });

    it('refuses more than 100 operations', async () => {
      const many = Array.from({ length: 101 }, (_, i): BulkTaskOperation => ({ op: 'create', task: { title: `t${i}` } }));
      await expect(bulk(many)).rejects.toMatchObject({ kind: 'validation' });
      expect(ctx.store.tasks.size).toBe(2);
    });
  });

  describe('atomic', () => {
    it('commits all operations together and publishes their events after, in order', async () => {
      const results = await bulk(
        [
          { op: 'create', task: { title: 'C' } },
          { op: 'complete', id: a, ifMatch: 1 },
          { op: 'update', id: b, changes: { tags: ['work'] } },
          { op: 'delete', id: b, ifMatch: 2 },
        ],
        true,
      );
      expect(results.every((r) => r.ok)).toBe(true);
      expect(await stored(a)).toMatchObject({ status: 'completed', version: 2 });
      expect(await stored(b)).toBeUndefined();
      expect(ctx.store.tasks.size).toBe(2);
      expect(ctx.events.types()).toEqual([
        'tasks.task-created',
        'tasks.task-completed',
        'tasks.task-updated',
        'tasks.task-updated',
        'tasks.task-deleted',
      ]);
      expect(ctx.events.calls).toBe(1);
    });

    it('lets a later operation see an earlier one: create, then update and complete the new task by its version', async () => {
      // The new task's id is the next one the generator hands out.
      const results = await bulk(
        [
          { op: 'create', task: { title: 'New' } },
          { op: 'update', id: 'id-0003', changes: { priority: 'high' }, ifMatch: 1 },
          { op: 'complete', id: 'id-0003', ifMatch: 2 },
        ],
        true,
      );
      expect(results.at(-1)).toMatchObject({ ok: true, task: { id: 'id-0003', status: 'completed', priority: 'high', version: 3 } });
      expect(await stored('id-0003')).toMatchObject({ status: 'completed', version: 3 });
    });

    it('writes nothing and publishes nothing when one operation fails, naming it', async () => {
      const attempt = bulk(
        [
          { op: 'create', task: { title: 'C' } },
          { op: 'complete', id: a },
          { op: 'complete', id: a },
        ],
        true,
      );
      await expect(attempt).rejects.toBeInstanceOf(TaskBatchAbortedError);
      const error = (await attempt.catch((e: unknown) => e)) as TaskBatchAbortedError;
      expect(error).toMatchObject({ index: 2, code: 'TASK.INVALID_TRANSITION', kind: 'conflict' });
      expect(error.reason).toBeInstanceOf(InvalidTaskTransitionError);
      expect(error.violations).toEqual([{ field: 'operations[2].status', message: 'cannot change from completed to completed' }]);
      expect(ctx.store.tasks.size).toBe(2);
      expect(await stored(a)).toMatchObject({ status: 'todo', version: 1 });
      expect(ctx.events.published).toEqual([]);
    });

    it('aborts on another owner’s task as on a missing one', async () => {
      await expect(bulk([{ op: 'update', id: a, changes: { title: 'x' } }], true, 'o2')).rejects.toMatchObject({
        index: 0,
        code: 'TASK.NOT_FOUND',
      });
      expect(await stored(a)).toMatchObject({ title: 'A' });
    });

    it('aborts the commit when a task changed after the batch read it, leaving the earlier writes undone', async () => {
      const racing = new BulkTasksHandler(
        ctx.tasks,
        {
          commit: async (writes) => {
            // Another request saves task b between the batch's read and its commit.
            const stale = await ctx.tasks.findById('o1', b);
            stale!.update({ title: 'Elsewhere' }, ctx.clock.now());
            await ctx.tasks.update(stale as Task);
            return new InMemoryTaskUnitOfWork(ctx.store, ctx.events).commit(writes);
          },
        },
        ctx.ids,
        ctx.rules,
        ctx.clock,
        ctx.events,
      );
      const attempt = racing.execute(
        new BulkTasksCommand(
          'o1',
          [
            { op: 'update', id: a, changes: { title: 'A2' } },
            { op: 'update', id: b, changes: { title: 'B2' } },
          ],
          true,
        ),
      );
      await expect(attempt).rejects.toBeInstanceOf(TaskVersionConflictError);
      expect(await stored(a)).toMatchObject({ title: 'A', version: 1 });
      expect(await stored(b)).toMatchObject({ title: 'Elsewhere', version: 2 });
      expect(ctx.events.published).toEqual([]);
    });
  });
});
