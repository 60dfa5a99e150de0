import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { TASK_PRIORITIES, TASK_STATUSES, type TaskPriority, type TaskStatus } from '@primetrade/domain';

/** Stored in `dueSortKey` for a task without a due date: above every valid Date (±8.64e15 ms). */
export const NO_DUE_DATE_SORT_KEY = Number.MAX_SAFE_INTEGER;

/**
 * A task as MongoDB stores it. Apart from the entity on purpose: it carries the owner under the
 * shard-key name `owner` and two derived sort keys the entity does not have.
 */
@Schema({ collection: 'tasks', versionKey: false, id: false, timestamps: false, shardKey: { owner: 'hashed' } })
export class TaskRecord {
  /** The task id (uuid v7, a string at the port). */
  @Prop({ type: String, required: true })
  _id!: string;

  /** The owner's user id; the hashed shard key, so every task query carries it. */
  @Prop({ type: String, required: true })
  owner!: string;

  @Prop({ type: String, required: true })
  title!: string;

  @Prop({ type: String, default: '' })
  description!: string;

  /** true: title and description are sealed values (ENCRYPT_TASK_CONTENT); absent or false: plaintext. */
  @Prop({ type: Boolean })
  contentSealed?: boolean;

  @Prop({ type: String, required: true, enum: TASK_STATUSES })
  status!: TaskStatus;

  @Prop({ type: String, required: true, enum: TASK_PRIORITIES })
  priority!: TaskPriority;

  /** The priority's rank (low 0 … urgent 3): sorting by the name would be alphabetical. */
  @Prop({ type: Number, required: true })
  priorityRank!: number;

  @Prop({ type: Date, default: null })
  dueDate!: Date | null;

  /** Epoch ms of the due date, or NO_DUE_DATE_SORT_KEY: MongoDB sorts null first, the port wants it last. */
  @Prop({ type: Number, required: true })
  dueSortKey!: number;

  @Prop({ type: [String], default: [] })
  tags!: string[];

  @Prop({ type: Date, required: true })
  createdAt!: Date;

  @Prop({ type: Date, required: true })
  updatedAt!: Date;

  @Prop({ type: Date, default: null })
  completedAt!: Date | null;

  /** Optimistic-concurrency version, owned by the domain (not Mongoose's `__v`). */
  @Prop({ type: Number, required: true })
  version!: number;

  /** A recurring task's RRULE, IANA zone and series; absent or null for a one-off task. */
  @Prop({ type: { _id: false, rule: String, timeZone: String, seriesId: String }, default: null })
  recurrence?: { rule: string; timeZone: string; seriesId: string } | null;
}

export const TaskSchema = SchemaFactory.createForClass(TaskRecord);

// The original plan's indexes: status tabs, due-date windows (overdue, due soon) and priority filters.
TaskSchema.index({ owner: 1, status: 1, createdAt: -1 }, { name: 'owner_status_createdAt' });
TaskSchema.index({ owner: 1, dueDate: 1 }, { name: 'owner_dueDate' });
TaskSchema.index({ owner: 1, priority: 1 }, { name: 'owner_priority' });
// Keyset paging: one index per sort field, ending in _id (the tie-breaker), so a page is an index
// range scan of `limit` entries with no in-memory sort. Each serves both directions.
TaskSchema.index({ owner: 1, createdAt: -1, _id: -1 }, { name: 'owner_createdAt_id' });
TaskSchema.index({ owner: 1, updatedAt: -1, _id: -1 }, { name: 'owner_updatedAt_id' });
TaskSchema.index({ owner: 1, dueSortKey: 1, _id: 1 }, { name: 'owner_dueSortKey_id' });
TaskSchema.index({ owner: 1, priorityRank: 1, _id: 1 }, { name: 'owner_priorityRank_id' });
// Status tabs (one status, newest first): only that status's entries are walked.
TaskSchema.index({ owner: 1, status: 1, createdAt: -1, _id: -1 }, { name: 'owner_status_createdAt_id' });
// Statistics: the open tasks due from the current due period's start to the end of the due-soon
// window (OPEN_DUE_INDEX), two ranges counted from the index keys alone (see task-counters.filter.ts).
TaskSchema.index({ owner: 1, status: 1, dueDate: 1 }, { name: 'owner_status_dueDate' });
// The timeline: one owner's completions by time (completed tasks only).
TaskSchema.index({ owner: 1, completedAt: 1 }, { name: 'owner_completedAt', partialFilterExpression: { completedAt: { $type: 'date' } } });
// No unique index for a recurring series' occurrences: a hashed shard key cannot back one. An
// occurrence's _id is derived from its series and due time instead (see MongoTaskRepository).
// The one index across owners: the notifications' due-task scan (open statuses, by due date).
// Declared here, with every other tasks index, so a syncIndexes() on the tasks model keeps it;
// the scan's pipeline and its mingo specs live in mongo/notifications (DUE_SCAN_INDEX).
TaskSchema.index(
  { status: 1, dueDate: 1, _id: 1 },
  { name: 'scan_status_dueDate_id', partialFilterExpression: { dueDate: { $type: 'date' } } },
);
// The archive run (ARCHIVE_AFTER), across owners: completed tasks by last change, oldest first
// (ARCHIVE_CANDIDATES_INDEX). Partial, so open tasks cost it nothing.
TaskSchema.index({ updatedAt: 1, _id: 1 }, { name: 'completed_updatedAt', partialFilterExpression: { status: 'completed' } });
