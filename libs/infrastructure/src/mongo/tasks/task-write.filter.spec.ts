import { Task } from '@primetrade/domain';
import { toTaskProps, toTaskRecord } from './task.mapper';
import type { TaskRecord } from './task.schema';
import { MingoCollection } from '@primetrade/testing';
import { ownedTaskFilter, taskUpdate, taskVersionFilter } from './task-write.filter';

const NOW = new Date('2026-06-15T12:00:00.000Z');

const restoreAs = (task: Task, ownerId: string) => Task.restore({ ...task.toProps(), ownerId });

function stored(): { task: Task; docs: MingoCollection<TaskRecord> } {
  const created = Task.create({
    id: 't1',
    ownerId: 'owner-a',
    title: 'Ship it',
    tags: ['work'],
    dueDate: new Date('2026-07-01'),
    now: NOW,
  });
  created.pullEvents();
  const task = Task.restore(created.toProps());
  return { task, docs: new MingoCollection([toTaskRecord(task), toTaskRecord(restoreAs(task, 'owner-b'))]) };
}

describe('task write documents (executed by mingo)', () => {
  it('round-trips every field through the stored document', () => {
    const { task } = stored();
    expect(toTaskProps(toTaskRecord(task))).toEqual(task.toProps());
  });

  it('updates the matching version, bumps it and rewrites the derived sort keys', () => {
    const { task, docs } = stored();
    task.update({ title: 'Shipped', dueDate: null, priority: 'urgent' }, new Date(NOW.getTime() + 1000));
    const result = docs.updateOne(taskVersionFilter(task.ownerId, task.id, task.expectedStoredVersion), taskUpdate(task));
    expect(result.matchedCount).toBe(1);
    const [saved] = docs.find(ownedTaskFilter('owner-a', 't1'));
    expect(toTaskProps(saved)).toEqual(task.toProps());
    expect(saved).toMatchObject({ version: 2, dueSortKey: Number.MAX_SAFE_INTEGER, priorityRank: 3, createdAt: NOW });
    // The other owner's task with the same id is untouched.
    expect(docs.find(ownedTaskFilter('owner-b', 't1'))[0].title).toBe('Ship it');
  });

  it('matches nothing for a stale version or another owner', () => {
    const { task, docs } = stored();
    const first = Task.restore(task.toProps());
    first.update({ title: 'First' }, NOW);
    expect(docs.updateOne(taskVersionFilter(first.ownerId, first.id, first.expectedStoredVersion), taskUpdate(first)).matchedCount).toBe(1);
    const stale = Task.restore(task.toProps());
    stale.update({ title: 'Second' }, NOW);
    expect(docs.updateOne(taskVersionFilter(stale.ownerId, stale.id, stale.expectedStoredVersion), taskUpdate(stale)).matchedCount).toBe(0);
    expect(docs.find(taskVersionFilter('owner-c', 't1', 1))).toEqual([]);
    // What the repository checks to tell a conflict from a vanished task.
    expect(docs.find(ownedTaskFilter('owner-a', 't1'))).toHaveLength(1);
    expect(docs.find(ownedTaskFilter('owner-a', 'ghost'))).toHaveLength(0);
  });

  it('never rewrites the id, the owner or the creation time', () => {
    const { task } = stored();
    task.update({ title: 'x' }, NOW);
    const set = taskUpdate(task).$set as Record<string, unknown>;
    expect(set).not.toHaveProperty('_id');
    expect(set).not.toHaveProperty('owner');
    expect(set).not.toHaveProperty('createdAt');
  });

  it('stores, updates and clears a recurring task’s rule and series', () => {
    const { task, docs } = stored();
    task.update({ recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO', timeZone: 'Europe/Berlin' } }, NOW);
    docs.updateOne(taskVersionFilter(task.ownerId, task.id, task.expectedStoredVersion), taskUpdate(task));
    const [saved] = docs.find(ownedTaskFilter('owner-a', 't1'));
    expect(saved.recurrence).toEqual({ rule: 'FREQ=WEEKLY;BYDAY=MO', timeZone: 'Europe/Berlin', seriesId: 't1' });
    expect(toTaskProps(saved)).toEqual(task.toProps());
    // The unique series index covers recurring tasks only (its partial filter, run by mingo).
    const partial = { 'recurrence.seriesId': { $type: 'string' } };
    expect(docs.find(partial).map((d) => [d.owner, d._id])).toEqual([['owner-a', 't1']]);

    const again = Task.restore(task.toProps());
    again.update({ recurrence: null }, NOW);
    docs.updateOne(taskVersionFilter(again.ownerId, again.id, again.expectedStoredVersion), taskUpdate(again));
    expect(docs.find(ownedTaskFilter('owner-a', 't1'))[0].recurrence).toBeNull();
    expect(docs.find(partial)).toEqual([]);
  });
});
