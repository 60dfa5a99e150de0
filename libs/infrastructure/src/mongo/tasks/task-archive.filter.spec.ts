import { Task } from '@primetrade/domain';
import { MingoCollection } from '@primetrade/testing';
import { ArchivedTaskSchema } from './task-archive.schema';
import { ARCHIVE_CANDIDATES_INDEX, archiveCandidatesQuery, archivedByOwnerFilter } from './task-archive.filter';
import { toTaskRecord } from './task.mapper';
import { TaskSchema, type TaskRecord } from './task.schema';
import { taskVersionFilter } from './task-write.filter';
import { TASK_SORT_INDEX } from './task-list.filter';

const DAY = 86_400_000;
const NOW = new Date('2026-06-15T12:00:00.000Z');
const CUTOFF = new Date(NOW.getTime() - 90 * DAY);
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

function record(id: string, completedDaysAgo: number | null, editedDaysAgo?: number, ownerId = 'o1'): TaskRecord {
  const task = Task.create({ id, ownerId, title: id, now: ago(300) });
  if (completedDaysAgo !== null) task.complete(ago(completedDaysAgo));
  if (editedDaysAgo !== undefined) task.update({ title: `${id} again` }, ago(editedDaysAgo));
  return toTaskRecord(task);
}

/** The archive's query documents, run with mingo over stored records (no server here). */
describe('MongoDB task archive documents (executed with mingo)', () => {
  const docs = () =>
    new MingoCollection<TaskRecord>([
      record('old', 120),
      record('older', 200, undefined, 'o2'),
      record('edited', 120, 10),
      record('recent', 30),
      record('open', null),
      record('reopened', 120),
    ]);

  it('finds completed tasks unchanged since the cutoff, longest unchanged first, across owners', () => {
    const collection = docs();
    collection.updateOne({ _id: 'reopened' }, { $set: { status: 'todo', completedAt: null, updatedAt: ago(1), version: 3 } });
    const { filter, sort, limit } = archiveCandidatesQuery(CUTOFF, 500);
    expect(collection.find(filter, sort, limit).map((r) => r._id)).toEqual(['older', 'old']);
    expect(collection.find(filter, sort, 1).map((r) => r._id)).toEqual(['older']);
  });

  it('moves a candidate only at the version it was read at: an edit in between leaves it hot', () => {
    const collection = docs();
    const { filter, sort } = archiveCandidatesQuery(CUTOFF, 1);
    const candidate = { ...collection.find(filter, sort, 1)[0] }; // as read, before the edit
    collection.updateOne({ _id: candidate._id }, { $set: { title: 'Edited meanwhile', updatedAt: NOW }, $inc: { version: 1 } });
    expect(collection.deleteMany(taskVersionFilter(candidate.owner, candidate._id, candidate.version)).deletedCount).toBe(0);
    expect(collection.find(taskVersionFilter(candidate.owner, candidate._id, candidate.version + 1))).toHaveLength(1);
  });

  it('counts one owner’s archive', () => {
    expect(
      docs()
        .find(archivedByOwnerFilter('o2'))
        .map((r) => r._id),
    ).toEqual(['older']);
  });

  it('declares the indexes the queries hint: the candidates’ on tasks, the list indexes on the archive', () => {
    const named = (schema: typeof TaskSchema) =>
      new Map(schema.indexes().map(([keys, options]) => [(options as { name: string }).name, { keys, options }]));
    const hot = named(TaskSchema).get(ARCHIVE_CANDIDATES_INDEX);
    expect(hot?.keys).toEqual({ updatedAt: 1, _id: 1 });
    expect(hot?.options).toMatchObject({ partialFilterExpression: { status: 'completed' } });
    const archive = named(ArchivedTaskSchema);
    const hotIndexes = named(TaskSchema);
    for (const name of [...Object.values(TASK_SORT_INDEX), 'owner_status_createdAt_id']) {
      expect(archive.get(name)?.keys).toEqual(hotIndexes.get(name)?.keys);
    }
    expect([...archive.keys()].sort()).toEqual([...Object.values(TASK_SORT_INDEX), 'owner_status_createdAt_id'].sort());
    expect(ArchivedTaskSchema.get('collection')).toBe('tasks_archive');
  });
});
