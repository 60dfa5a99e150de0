import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { TASK_STATUSES, type TaskStatus } from '@primetrade/domain';

/** Name of the index that serves the cross-owner due-task scan. */
export const DUE_SCAN_INDEX = 'scan_status_dueDate_id';

/**
 * A read-only view of the `tasks` collection for the due-task scan: only the fields the scan
 * reads. Tasks are written by MongoTaskRepository through TaskRecord; nothing is ever written
 * through this model.
 *
 * The scan's index ({status, dueDate, _id} over tasks with a due date, named DUE_SCAN_INDEX) is
 * declared on the tasks schema with every other tasks index: declared here, a syncIndexes() on
 * the tasks model would drop it. This view declares none and never builds any (`autoIndex:
 * false`); never call syncIndexes() on it (it would drop the tasks' indexes).
 */
@Schema({ collection: 'tasks', versionKey: false, id: false, timestamps: false, autoIndex: false, shardKey: { owner: 'hashed' } })
export class DueTaskScanRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  owner!: string;

  @Prop({ type: String, required: true, enum: TASK_STATUSES })
  status!: TaskStatus;

  @Prop({ type: Date, default: null })
  dueDate!: Date | null;
}

export const DueTaskScanSchema = SchemaFactory.createForClass(DueTaskScanRecord);

/** Only tasks with a due date are indexed; the scan's filter asks for exactly that. */
export const DUE_SCAN_PARTIAL_FILTER = { dueDate: { $type: 'date' } } as const;

/**
 * The key of DUE_SCAN_INDEX (on the tasks schema). Status first, then the due date and _id: the
 * scan's two open statuses are two point ranges, each already in (dueDate, _id) order, which the
 * planner merges (SORT_MERGE) without a blocking sort and stops reading once `limit` tasks are
 * through. Completed and cancelled tasks sit in other ranges and are never read.
 */
export const DUE_SCAN_KEYS = { status: 1, dueDate: 1, _id: 1 } as const;
