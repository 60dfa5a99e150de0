import { DomainValidationError } from '../../shared/model/domain.errors';
import { Task, type TaskProps } from './task.entity';
import { InvalidTaskTransitionError } from './task.errors';
import { TaskCompleted, TaskCreated, TaskDeleted, TaskUpdated } from './task.events';
import type { TaskStatus } from './task-status';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

const create = (input: Partial<Parameters<typeof Task.create>[0]> = {}) =>
  Task.create({ id: 't1', ownerId: 'o1', title: 'Write tests', now: NOW, ...input });

/** A stored task, as a repository hands it out: no pending events, persisted at `version`. */
function stored(overrides: Partial<TaskProps> = {}): Task {
  return Task.restore({
    id: 't1',
    ownerId: 'o1',
    title: 'Stored task',
    description: 'details',
    status: 'todo',
    priority: 'medium',
    dueDate: null,
    tags: ['work'],
    createdAt: NOW,
    updatedAt: NOW,
    completedAt: null,
    version: 3,
    recurrence: null,
    ...overrides,
  });
}

function validationFieldOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainValidationError);
    return (error as DomainValidationError).violations[0]?.field;
  }
  throw new Error('expected a DomainValidationError');
}

describe('Task', () => {
  describe('create', () => {
    it('fills in the defaults and starts at version 1, never saved', () => {
      const task = create();
      expect(task.toProps()).toEqual({
        id: 't1',
        ownerId: 'o1',
        title: 'Write tests',
        description: '',
        status: 'todo',
        priority: 'medium',
        dueDate: null,
        tags: [],
        createdAt: NOW,
        updatedAt: NOW,
        completedAt: null,
        version: 1,
        recurrence: null,
      });
      expect(task.expectedStoredVersion).toBe(0);
    });

    it('raises TaskCreated with the facts of the new task', () => {
      const due = later(3_600_000);
      const events = create({ priority: 'high', dueDate: due }).pullEvents();
      expect(events).toHaveLength(1);
      expect(events[0]).toBeInstanceOf(TaskCreated);
      expect(events[0]).toMatchObject({
        type: 'tasks.task-created',
        aggregateId: 't1',
        ownerId: 'o1',
        occurredAt: NOW,
        facts: { status: 'todo', priority: 'high', dueDate: due, createdAt: NOW, completedAt: null },
      });
    });

    it('may start in progress but not completed or cancelled', () => {
      expect(create({ status: 'in_progress' }).status).toBe('in_progress');
      expect(validationFieldOf(() => create({ status: 'completed' }))).toBe('status');
      expect(validationFieldOf(() => create({ status: 'cancelled' }))).toBe('status');
    });

    it('trims the title and accepts 1 to 200 characters', () => {
      expect(create({ title: '  Padded  ' }).title).toBe('Padded');
      expect(create({ title: 'x' }).title).toBe('x');
      expect(create({ title: 'x'.repeat(200) }).title).toHaveLength(200);
      expect(create({ title: `  ${'x'.repeat(200)}  ` }).title).toHaveLength(200);
      expect(validationFieldOf(() => create({ title: '' }))).toBe('title');
      expect(validationFieldOf(() => create({ title: '   ' }))).toBe('title');
      expect(validationFieldOf(() => create({ title: 'x'.repeat(201) }))).toBe('title');
    });

    it('trims the description and accepts at most 5000 characters', () => {
      expect(create({ description: '  notes \n' }).description).toBe('notes');
      expect(create({ description: 'd'.repeat(5000) }).description).toHaveLength(5000);
      expect(validationFieldOf(() => create({ description: 'd'.repeat(5001) }))).toBe('description');
    });

    it('normalises tags: trimmed, lower-cased, de-duplicated in first-seen order', () => {
      expect(create({ tags: [' Work ', 'home', 'WORK', 'Urgent', 'home'] }).tags).toEqual(['work', 'home', 'urgent']);
    });

    it('accepts up to 20 tags of up to 32 characters, counted after de-duplication', () => {
      const twenty = Array.from({ length: 20 }, (_, i) => `tag${i}`);
      expect(create({ tags: twenty }).tags).toHaveLength(20);
      expect(create({ tags: [...twenty, 'TAG0', ' tag1 '] }).tags).toHaveLength(20);
      expect(validationFieldOf(() => create({ tags: [...twenty, 'tag20'] }))).toBe('tags');
      expect(create({ tags: ['t'.repeat(32)] }).tags).toEqual(['t'.repeat(32)]);
      expect(validationFieldOf(() => create({ tags: ['t'.repeat(33)] }))).toBe('tags');
      expect(validationFieldOf(() => create({ tags: ['   '] }))).toBe('tags');
    });

    it('refuses an invalid due date', () => {
      expect(validationFieldOf(() => create({ dueDate: new Date('not a date') }))).toBe('dueDate');
    });
  });

  describe('status transitions', () => {
    // Written out by hand rather than read from TASK_TRANSITIONS, so a change to the table
    // has to be a deliberate change here too.
    const allowed: Record<TaskStatus, TaskStatus[]> = {
      todo: ['in_progress', 'completed', 'cancelled'],
      in_progress: ['todo', 'completed', 'cancelled'],
      completed: ['todo', 'in_progress'],
      cancelled: ['todo', 'in_progress'],
    };
    const statuses: TaskStatus[] = ['todo', 'in_progress', 'completed', 'cancelled'];
    const completedAtOf = (status: TaskStatus) => (status === 'completed' ? NOW : null);

    for (const from of statuses) {
      for (const to of statuses.filter((s) => s !== from)) {
        if (allowed[from].includes(to)) {
          it(`lets a ${from} task become ${to}`, () => {
            const task = stored({ status: from, completedAt: completedAtOf(from) });
            task.update({ status: to }, later(1000));
            expect(task.status).toBe(to);
            expect(task.version).toBe(4);
          });
        } else {
          it(`refuses to turn a ${from} task into ${to}`, () => {
            const task = stored({ status: from, completedAt: completedAtOf(from) });
            expect(() => task.update({ status: to }, later(1000))).toThrow(InvalidTaskTransitionError);
            expect(task.status).toBe(from);
            expect(task.version).toBe(3);
            expect(task.pullEvents()).toEqual([]);
          });
        }
      }
    }

    it('names both statuses in the transition error', () => {
      const task = stored({ status: 'cancelled' });
      try {
        task.update({ status: 'completed' }, NOW);
        throw new Error('expected InvalidTaskTransitionError');
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidTaskTransitionError);
        expect((error as InvalidTaskTransitionError).code).toBe('TASK.INVALID_TRANSITION');
        expect((error as InvalidTaskTransitionError).kind).toBe('conflict');
        expect((error as InvalidTaskTransitionError).violations).toEqual([
          { field: 'status', message: 'cannot change from cancelled to completed' },
        ]);
      }
    });

    // Fixed in 985ca26: complete() refuses a completed task instead of doing nothing.
    it('refuses to complete a task that is already completed', () => {
      const task = stored({ status: 'completed', completedAt: NOW });
      expect(() => task.complete(later(1000))).toThrow(InvalidTaskTransitionError);
    });
  });

  describe('complete and reopen', () => {
    it('complete() sets completedAt and raises TaskCompleted with the time since creation', () => {
      const task = stored({ priority: 'urgent' });
      const at = later(90 * 60_000);
      task.complete(at);
      expect(task.status).toBe('completed');
      expect(task.completedAt).toEqual(at);
      expect(task.updatedAt).toEqual(at);
      const events = task.pullEvents();
      const completed = events.find((e) => e instanceof TaskCompleted) as TaskCompleted;
      expect(completed).toMatchObject({
        type: 'tasks.task-completed',
        aggregateId: 't1',
        ownerId: 'o1',
        priority: 'urgent',
        durationMs: 90 * 60_000,
        occurredAt: at,
      });
      const updated = events.find((e) => e instanceof TaskUpdated) as TaskUpdated;
      expect(updated.changedFields).toEqual(['status']);
      expect(updated.before.status).toBe('todo');
      expect(updated.after).toMatchObject({ status: 'completed', completedAt: at });
      expect(events).toHaveLength(2);
    });

    it('reopen() brings a completed task back to todo and clears completedAt, without TaskCompleted', () => {
      const task = stored({ status: 'completed', completedAt: NOW });
      task.reopen(later(5000));
      expect(task.status).toBe('todo');
      expect(task.completedAt).toBeNull();
      expect(task.pullEvents().map((e) => e.type)).toEqual(['tasks.task-updated']);
    });

    it('reopen() brings a cancelled task back to todo', () => {
      const task = stored({ status: 'cancelled' });
      task.reopen(later(5000));
      expect(task.status).toBe('todo');
      expect(task.version).toBe(4);
    });

    it.each<TaskStatus>(['todo', 'in_progress'])('reopen() refuses a task that is still open (%s)', (status) => {
      const task = stored({ status });
      expect(() => task.reopen(later(5000))).toThrow(InvalidTaskTransitionError);
      expect(task.status).toBe(status);
      expect(task.version).toBe(3);
      expect(task.pullEvents()).toEqual([]);
    });

    it('moving a completed task to in progress clears completedAt too', () => {
      const task = stored({ status: 'completed', completedAt: NOW });
      task.update({ status: 'in_progress' }, later(5000));
      expect(task.completedAt).toBeNull();
    });

    it('cancelling does not set completedAt', () => {
      const task = stored();
      task.update({ status: 'cancelled' }, later(5000));
      expect(task.completedAt).toBeNull();
      expect(task.pullEvents().some((e) => e instanceof TaskCompleted)).toBe(false);
    });
  });

  describe('update', () => {
    it('applies every changed field with one version step and one TaskUpdated', () => {
      const task = stored();
      const due = later(86_400_000);
      task.update(
        { title: 'New title', description: 'new', priority: 'high', dueDate: due, tags: ['Home'], status: 'in_progress' },
        later(1000),
      );
      expect(task.version).toBe(4);
      expect(task.expectedStoredVersion).toBe(3);
      expect(task.updatedAt).toEqual(later(1000));
      expect(task.createdAt).toEqual(NOW);
      expect(task.toProps()).toMatchObject({
        title: 'New title',
        description: 'new',
        priority: 'high',
        dueDate: due,
        tags: ['home'],
        status: 'in_progress',
      });
      const events = task.pullEvents();
      expect(events).toHaveLength(1);
      const updated = events[0] as TaskUpdated;
      expect(updated).toBeInstanceOf(TaskUpdated);
      expect([...updated.changedFields].sort()).toEqual(['description', 'dueDate', 'priority', 'status', 'tags', 'title']);
      expect(updated.before).toMatchObject({ status: 'todo', priority: 'medium', dueDate: null });
      expect(updated.after).toMatchObject({ status: 'in_progress', priority: 'high', dueDate: due });
    });

    it('steps the version once per save, however many changes came before it', () => {
      const task = stored();
      task.update({ title: 'First' }, later(1000));
      task.update({ title: 'Second' }, later(2000));
      task.complete(later(3000));
      expect(task.version).toBe(4);
      expect(task.expectedStoredVersion).toBe(3);
    });

    it('names only the fields that really changed', () => {
      const task = stored();
      task.update({ title: 'Stored task', description: 'other details', tags: ['WORK'] }, later(1000));
      expect((task.pullEvents()[0] as TaskUpdated).changedFields).toEqual(['description']);
    });

    it('treats values equal to the current ones as no change: no event, no version step', () => {
      const due = later(3_600_000);
      const task = stored({ dueDate: due, tags: ['work', 'home'] });
      task.update(
        {
          title: '  Stored task ',
          description: 'details',
          priority: 'medium',
          status: 'todo',
          dueDate: new Date(due.getTime()),
          tags: ['WORK', ' home'],
        },
        later(1000),
      );
      task.update({}, later(2000));
      expect(task.pullEvents()).toEqual([]);
      expect(task.version).toBe(3);
      expect(task.updatedAt).toEqual(NOW);
    });

    it('can clear the due date and the tags', () => {
      const task = stored({ dueDate: later(1000), tags: ['a', 'b'] });
      task.update({ dueDate: null, tags: [] }, later(2000));
      expect(task.dueDate).toBeNull();
      expect(task.tags).toEqual([]);
      expect([...(task.pullEvents()[0] as TaskUpdated).changedFields].sort()).toEqual(['dueDate', 'tags']);
    });

    it('validates changed fields like create does', () => {
      const task = stored();
      expect(validationFieldOf(() => task.update({ title: ' ' }, NOW))).toBe('title');
      expect(validationFieldOf(() => task.update({ description: 'd'.repeat(5001) }, NOW))).toBe('description');
      expect(validationFieldOf(() => task.update({ tags: ['t'.repeat(33)] }, NOW))).toBe('tags');
      expect(validationFieldOf(() => task.update({ dueDate: new Date(Number.NaN) }, NOW))).toBe('dueDate');
    });

    it('leaves the task untouched when part of an update is refused', () => {
      const task = stored({ status: 'cancelled' });
      expect(() => task.update({ title: 'Half applied', status: 'completed' }, later(1000))).toThrow(InvalidTaskTransitionError);
      expect(task.title).toBe('Stored task');
    });
  });

  describe('delete and overdue', () => {
    it('markDeleted raises TaskDeleted with the last facts', () => {
      const task = stored({ status: 'in_progress', priority: 'low' });
      task.markDeleted(later(1000));
      const events = task.pullEvents();
      expect(events).toHaveLength(1);
      expect(events[0]).toBeInstanceOf(TaskDeleted);
      expect(events[0]).toMatchObject({
        type: 'tasks.task-deleted',
        aggregateId: 't1',
        ownerId: 'o1',
        occurredAt: later(1000),
        last: { status: 'in_progress', priority: 'low' },
      });
    });

    it('is overdue only while open and past its due date', () => {
      expect(stored({ dueDate: later(-1) }).isOverdue(NOW)).toBe(true);
      expect(stored({ status: 'in_progress', dueDate: later(-1) }).isOverdue(NOW)).toBe(true);
      expect(stored({ dueDate: NOW }).isOverdue(NOW)).toBe(false);
      expect(stored({ dueDate: null }).isOverdue(NOW)).toBe(false);
      expect(stored({ status: 'completed', completedAt: NOW, dueDate: later(-1) }).isOverdue(NOW)).toBe(false);
      expect(stored({ status: 'cancelled', dueDate: later(-1) }).isOverdue(NOW)).toBe(false);
    });
  });

  describe('restore and events', () => {
    it('restores without events and pulls each event once', () => {
      const task = stored();
      expect(task.pullEvents()).toEqual([]);
      const created = create();
      expect(created.pullEvents()).toHaveLength(1);
      expect(created.pullEvents()).toEqual([]);
    });

    it('hands out copies of its tags', () => {
      const task = stored({ tags: ['a'] });
      task.toProps().tags.push('b');
      expect(task.tags).toEqual(['a']);
    });
  });
});
