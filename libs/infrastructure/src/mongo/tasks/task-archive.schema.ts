import { SchemaFactory } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { TaskRecord } from './task.schema';

/** The archive collection (ARCHIVE_AFTER): documents of the tasks collection's shape, moved whole. */
export const TASKS_ARCHIVE = 'tasks_archive';
/** The model name of the archive (the class is TaskRecord's: same fields, another collection). */
export const ARCHIVED_TASK_MODEL = 'ArchivedTaskRecord';

/**
 * A schema of its own (not a clone of TaskSchema), so the archive carries only the list indexes:
 * the same names and keys as the hot collection's, so the list queries and their hints are shared
 * (task-list.filter.ts), and none of the hot side's scan, statistics or timeline indexes.
 */
export const ArchivedTaskSchema = SchemaFactory.createForClass(TaskRecord);
ArchivedTaskSchema.set('collection', TASKS_ARCHIVE);
ArchivedTaskSchema.index({ owner: 1, createdAt: -1, _id: -1 }, { name: 'owner_createdAt_id' });
ArchivedTaskSchema.index({ owner: 1, updatedAt: -1, _id: -1 }, { name: 'owner_updatedAt_id' });
ArchivedTaskSchema.index({ owner: 1, dueSortKey: 1, _id: 1 }, { name: 'owner_dueSortKey_id' });
ArchivedTaskSchema.index({ owner: 1, priorityRank: 1, _id: 1 }, { name: 'owner_priorityRank_id' });
ArchivedTaskSchema.index({ owner: 1, status: 1, createdAt: -1, _id: -1 }, { name: 'owner_status_createdAt_id' });

/** The archive's model on the hot tasks model's connection (registered there once, if the module has not). */
export function archiveModelOf(tasks: Model<TaskRecord>): Model<TaskRecord> {
  return (
    (tasks.db.models[ARCHIVED_TASK_MODEL] as Model<TaskRecord> | undefined) ??
    tasks.db.model<TaskRecord>(ARCHIVED_TASK_MODEL, ArchivedTaskSchema)
  );
}
