import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { TASK_PRIORITIES, TASK_STATUSES, type TaskPriority, type TaskStatus } from '@primetrade/domain';
import { TASK_COUNTERS, TASK_DUE_COUNTERS } from './task-counters.filter';

/**
 * The statistics read model's collections (see task-counters.filter.ts). Declared as schemas so
 * the app creates their indexes; MongoTaskRepository writes them through the driver with `$inc`
 * upserts in each task write's transaction, never through these models. Sharded like `tasks`.
 */
@Schema({ collection: TASK_COUNTERS, versionKey: false, id: false, timestamps: false, shardKey: { owner: 'hashed' } })
export class TaskCounterRecord {
  /** `<owner>:<status>:<priority>`: the owner's 16 documents are read by `_id`. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  owner!: string;

  @Prop({ type: String, required: true, enum: TASK_STATUSES })
  status!: TaskStatus;

  @Prop({ type: String, required: true, enum: TASK_PRIORITIES })
  priority!: TaskPriority;

  @Prop({ type: Number, required: true })
  tasks!: number;

  /** Sum of completedAt − createdAt (ms) of the completed tasks counted here. */
  @Prop({ type: Number, required: true })
  completionMsSum!: number;

  @Prop({ type: Number, required: true })
  completionCount!: number;
}

export const TaskCounterSchema = SchemaFactory.createForClass(TaskCounterRecord);

@Schema({ collection: TASK_DUE_COUNTERS, versionKey: false, id: false, timestamps: false, shardKey: { owner: 'hashed' } })
export class TaskDueCounterRecord {
  /** `<owner>:<period>`. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  owner!: string;

  /** floor(due date in epoch ms / 2^31). */
  @Prop({ type: Number, required: true })
  period!: number;

  /** Open tasks (todo, in progress) due in the period. */
  @Prop({ type: Number, required: true })
  openTasks!: number;
}

export const TaskDueCounterSchema = SchemaFactory.createForClass(TaskDueCounterRecord);

// The overview sums the periods already over: one range of this index.
TaskDueCounterSchema.index({ owner: 1, period: 1 }, { name: 'owner_period' });
