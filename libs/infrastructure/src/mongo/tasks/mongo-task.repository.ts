import { Injectable, Optional } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Task, TaskNotFoundError, TaskOccurrenceExistsError, TaskRepository, TaskVersionConflictError } from '@primetrade/domain';
import type { ClientSession, Model } from 'mongoose';
import { MongoEventOutbox } from '../events/mongo-event-outbox';
import { TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { toSealedTaskRecord, toTask } from './task.mapper';
import { isDuplicateKey, mongoCall } from '../connection/mongo.errors';
import { ownedTaskFilter, taskUpdate, taskVersionFilter } from './task-write.filter';
import { TaskRecord } from './task.schema';

/**
 * Write side of tasks, always on the primary: commands, and the read a command makes before it
 * writes (or a client makes straight after), must see the latest write. Every filter carries the
 * owner, so on a sharded cluster each call is routed to the one shard holding that owner.
 */
@Injectable()
export class MongoTaskRepository extends TaskRepository {
  constructor(
    @InjectModel(TaskRecord.name) private readonly tasks: Model<TaskRecord>,
    private readonly content: TaskContentSealer,
    /** With it, each write records the task's events in the same transaction (the app binds it). */
    @Optional() private readonly outbox?: MongoEventOutbox,
  ) {
    super();
  }

  findById(ownerId: string, id: string): Promise<Task | null> {
    return mongoCall(async () => {
      const record = await this.tasks.findOne(ownedTaskFilter(ownerId, id)).read('primary').lean<TaskRecord>().exec();
      return record ? toTask(record, this.content) : null;
    });
  }

  /** The write alone, or the write and the task's events in one transaction when there is an outbox. */
  private write<T>(task: Task, work: (session: ClientSession | null) => Promise<T>): Promise<T> {
    return mongoCall(() => (this.outbox ? this.outbox.withEvents(task, work) : work(null)));
  }

  insert(task: Task): Promise<void> {
    return this.write(task, (session) => this.insertIn(task, session));
  }

  update(task: Task): Promise<void> {
    return this.write(task, (session) => this.updateIn(task, session));
  }

  override remove(task: Task): Promise<boolean> {
    return this.write(task, async (session) => {
      if (!(await this.removeIn(task, session))) throw new TaskVersionConflictError(); // aborts: no event for a delete that did not happen
      return true;
    }).catch((error: unknown) => {
      if (error instanceof TaskVersionConflictError) return false;
      throw error;
    });
  }

  /** The writes themselves, in the caller's session (one transaction for a unit of work's several). */
  async insertIn(task: Task, session: ClientSession | null): Promise<void> {
    await this.tasks.create([toSealedTaskRecord(task, this.content)], { session }).catch((error: unknown) => {
      // A recurring occurrence's _id is derived from its series and due time (IdGenerator.derived):
      // the _id index is the unique key. All of an owner's tasks live on one shard, so it holds there.
      if (task.recurrence && isDuplicateKey(error, '_id')) throw new TaskOccurrenceExistsError();
      throw error;
    });
  }

  /** Throws TaskVersionConflictError, or TaskNotFoundError when the task is gone. */
  async updateIn(task: Task, session: ClientSession | null): Promise<void> {
    const result = await this.tasks
      .updateOne(taskVersionFilter(task.ownerId, task.id, task.expectedStoredVersion), taskUpdate(task, this.content))
      .session(session)
      .exec();
    if (result.matchedCount === 1) return;
    const exists = await this.tasks.exists(ownedTaskFilter(task.ownerId, task.id)).session(session).read('primary').exec();
    throw exists ? new TaskVersionConflictError() : new TaskNotFoundError();
  }

  /** False when the task is not there at its version. */
  async removeIn(task: Task, session: ClientSession | null): Promise<boolean> {
    const result = await this.tasks
      .deleteOne(taskVersionFilter(task.ownerId, task.id, task.version))
      .session(session)
      .exec();
    return result.deletedCount === 1;
  }

  delete(ownerId: string, id: string, version: number): Promise<boolean> {
    return mongoCall(async () => {
      const result = await this.tasks.deleteOne(taskVersionFilter(ownerId, id, version)).exec();
      return result.deletedCount === 1;
    });
  }
}
