import {
  Task,
  TaskOccurrenceExistsError,
  TaskVersionConflictError,
  type TaskRepository,
  type TaskUnitOfWork,
  type TaskWrite,
} from '@primetrade/domain';

const NOW = new Date('2026-06-15T12:00:00.000Z');

export interface TaskUnitOfWorkStores {
  tasks: TaskRepository;
  unitOfWork: TaskUnitOfWork;
  /** The types of the events that reached the outbox or subscribers so far, in order. */
  events(): Promise<string[]>;
  dispose(): Promise<void>;
}

/** A write as a handler hands it over: the task with the events it raised, taken off it. */
const write = (kind: TaskWrite['kind'], task: Task): TaskWrite => ({ kind, task, events: task.pullEvents() });

const newTask = (id: string, ownerId = 'o1') => Task.create({ id, ownerId, title: `Task ${id}`, now: NOW });

/** The behaviour every TaskUnitOfWork adapter must show, run against each real store. */
export function describeTaskUnitOfWorkContract(name: string, open: () => Promise<TaskUnitOfWorkStores>): void {
  describe(`TaskUnitOfWork contract: ${name}`, () => {
    let s: TaskUnitOfWorkStores;
    let existing: Task;
    beforeEach(async () => {
      s = await open();
      existing = newTask('t-existing');
      await s.tasks.insert(existing);
      existing.pullEvents();
      existing = (await s.tasks.findById('o1', 't-existing')) as Task;
    });
    afterEach(async () => s.dispose());

    it('commits inserts, updates and removals in order, with their events after', async () => {
      const before = (await s.events()).length;
      const created = newTask('t-new');
      const insert = write('insert', created);
      const again = Task.restore(created.toProps());
      again.complete(NOW);
      existing.update({ priority: 'urgent' }, NOW);
      const update = write('update', existing);
      const removed = Task.restore(existing.toProps());
      removed.markDeleted(NOW);
      await s.unitOfWork.commit([insert, write('update', again), update, write('remove', removed)]);
      expect((await s.tasks.findById('o1', 't-new'))?.toProps()).toMatchObject({ status: 'completed', version: 2 });
      expect(await s.tasks.findById('o1', 't-existing')).toBeNull();
      expect((await s.events()).slice(before)).toEqual([
        'tasks.task-created',
        'tasks.task-completed',
        'tasks.task-updated',
        'tasks.task-updated',
        'tasks.task-deleted',
      ]);
    });

    it('writes nothing and records no event when one write no longer matches its version', async () => {
      const before = await s.events();
      const stale = Task.restore(existing.toProps());
      existing.update({ title: 'Saved elsewhere' }, NOW);
      await s.tasks.update(existing);
      existing.pullEvents();
      const afterRace = await s.events();
      stale.update({ title: 'Lost update' }, NOW);
      const attempt = s.unitOfWork.commit([write('insert', newTask('t-new')), write('update', stale)]);
      await expect(attempt).rejects.toBeInstanceOf(TaskVersionConflictError);
      expect(await s.tasks.findById('o1', 't-new')).toBeNull();
      expect((await s.tasks.findById('o1', 't-existing'))?.title).toBe('Saved elsewhere');
      expect(await s.events()).toEqual(afterRace);
      expect(afterRace.length).toBeGreaterThanOrEqual(before.length);
    });

    it('rolls back when a removal finds the task changed', async () => {
      const stale = Task.restore(existing.toProps());
      existing.update({ title: 'Saved elsewhere' }, NOW);
      await s.tasks.update(existing);
      existing.pullEvents();
      stale.markDeleted(NOW);
      await expect(s.unitOfWork.commit([write('insert', newTask('t-new')), write('remove', stale)])).rejects.toBeInstanceOf(
        TaskVersionConflictError,
      );
      expect(await s.tasks.findById('o1', 't-new')).toBeNull();
      expect(await s.tasks.findById('o1', 't-existing')).not.toBeNull();
    });

    it('never touches another owner’s task, even with its id', async () => {
      const intruder = Task.restore({ ...existing.toProps(), ownerId: 'o2' });
      intruder.update({ title: 'Taken' }, NOW);
      await expect(s.unitOfWork.commit([write('update', intruder)])).rejects.toThrow();
      expect((await s.tasks.findById('o1', 't-existing'))?.title).toBe('Task t-existing');
    });

    describe('a recurring task’s completion', () => {
      const DUE = new Date('2026-06-16T07:00:00.000Z');
      const NEXT = new Date('2026-06-17T07:00:00.000Z');
      const recurring = () =>
        Task.create({
          id: 't-series',
          ownerId: 'o1',
          title: 'Stand-up',
          dueDate: DUE,
          recurrence: { rule: 'FREQ=DAILY', timeZone: 'Europe/Berlin' },
          now: NOW,
        });

      async function storedOccurrence(): Promise<Task> {
        const first = recurring();
        await s.unitOfWork.commit([write('insert', first)]);
        return (await s.tasks.findById('o1', 't-series')) as Task;
      }

      it('completes the occurrence and inserts the next one, keeping rule and series', async () => {
        const first = await storedOccurrence();
        expect(first.recurrence).toEqual({ rule: 'FREQ=DAILY', timeZone: 'Europe/Berlin', seriesId: 't-series' });
        first.complete(NOW);
        const next = first.nextOccurrence({ id: 't-next', dueDate: NEXT, rule: 'FREQ=DAILY', now: NOW });
        await s.unitOfWork.commit([write('update', first), write('insert', next)]);
        expect((await s.tasks.findById('o1', 't-series'))?.status).toBe('completed');
        expect((await s.tasks.findById('o1', 't-next'))?.toProps()).toMatchObject({
          status: 'todo',
          dueDate: NEXT,
          title: 'Stand-up',
          recurrence: { rule: 'FREQ=DAILY', timeZone: 'Europe/Berlin', seriesId: 't-series' },
        });
      });

      it('refuses a second occurrence of the series at the same due time, writing nothing', async () => {
        const first = await storedOccurrence();
        const done = Task.restore(first.toProps());
        done.complete(NOW);
        await s.unitOfWork.commit([
          write('update', done),
          write('insert', done.nextOccurrence({ id: 't-next', dueDate: NEXT, rule: 'FREQ=DAILY', now: NOW })),
        ]);
        // A completion that got past the version check (a reopened occurrence) cannot add a twin:
        // the occurrence's id names its series and due time (IdGenerator.derived), so it collides.
        const reopened = (await s.tasks.findById('o1', 't-series')) as Task;
        reopened.reopen(NOW);
        reopened.pullEvents();
        await s.tasks.update(reopened);
        const again = (await s.tasks.findById('o1', 't-series')) as Task;
        again.complete(NOW);
        const twin = again.nextOccurrence({ id: 't-next', dueDate: NEXT, rule: 'FREQ=DAILY', now: NOW });
        await expect(s.unitOfWork.commit([write('update', again), write('insert', twin)])).rejects.toBeInstanceOf(
          TaskOccurrenceExistsError,
        );
        expect((await s.tasks.findById('o1', 't-next'))?.version).toBe(1);
        expect((await s.tasks.findById('o1', 't-series'))?.status).toBe('todo');
      });

      it('lets one-off tasks share a due time', async () => {
        const a = Task.create({ id: 't-a', ownerId: 'o1', title: 'A', dueDate: NEXT, now: NOW });
        const b = Task.create({ id: 't-b', ownerId: 'o1', title: 'B', dueDate: NEXT, now: NOW });
        await s.unitOfWork.commit([write('insert', a), write('insert', b)]);
        expect(await s.tasks.findById('o1', 't-b')).not.toBeNull();
      });
    });
  });
}
