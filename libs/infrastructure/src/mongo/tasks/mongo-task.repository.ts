import { Injectable, Optional } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Task, TaskNotFoundError, TaskOccurrenceExistsError, TaskRepository, TaskVersionConflictError } from '@primetrade/domain';
import type { ClientSession, Model } from 'mongoose';
import { MongoEventOutbox } from '../events/mongo-event-outbox';
import { TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { toSealedTaskRecord, toTask } from './task.mapper';
import { isDuplicateKey, mongoCall } from '../connection/mongo.errors';
import { ownedTaskFilter, taskUpdate, taskVersionFilter } from './task-write.filter';
import {
  COUNTED_TASK_PROJECTION,
  type CountedTask,
  countedTaskOf,
  type CounterUpsert,
  TASK_COUNTERS,
  TASK_DUE_COUNTERS,
  taskCounterWrites,
} from './task-counters.filter';
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

  /**
   * The write and the statistics counters in one transaction, with the task's events when there is
   * an outbox (the app binds it). Without one the repository opens the transaction itself: the
   * counters must never commit apart from the task (MongoDB transactions need a replica set, which
   * the app requires anyway).
   */
  private write<T>(task: Task, work: (session: ClientSession) => Promise<T>): Promise<T> {
    return mongoCall(() => (this.outbox ? this.outbox.withEvents(task, work) : this.inTransaction(work)));
  }

  private async inTransaction<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
    const session = await this.tasks.db.startSession();
    let result: T | undefined;
    try {
      await session.withTransaction(async () => {
        result = await work(session);
      });
    } finally {
      await session.endSession();
    }
    return result as T;
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

  /**
   * The writes themselves, in the caller's session (one transaction for a unit of work's several),
   * each with its change to the statistics counters. Given no session, each opens its own
   * transaction, so no caller can write a task without its counters.
   */
  async insertIn(task: Task, session: ClientSession | null): Promise<void> {
    if (!session) return this.inTransaction((own) => this.insertIn(task, own));
    await this.tasks.create([toSealedTaskRecord(task, this.content)], { session }).catch((error: unknown) => {
      // A recurring occurrence's _id is derived from its series and due time (IdGenerator.derived):
      // the _id index is the unique key. All of an owner's tasks live on one shard, so it holds there.
      if (task.recurrence && isDuplicateKey(error, '_id')) throw new TaskOccurrenceExistsError();
      throw error;
    });
    await this.count(null, countedTaskOf(task), session);
  }

  /**
   * Throws TaskVersionConflictError, or TaskNotFoundError when the task is gone. The update returns
   * the stored document as it was (the fields the counters follow) in the same round trip; the
   * counters' upserts are one more.
   */
  async updateIn(task: Task, session: ClientSession | null): Promise<void> {
    if (!session) return this.inTransaction((own) => this.updateIn(task, own));
    const before = await this.tasks
      .findOneAndUpdate(taskVersionFilter(task.ownerId, task.id, task.expectedStoredVersion), taskUpdate(task, this.content), {
        returnDocument: 'before',
        projection: COUNTED_TASK_PROJECTION,
      })
      .session(session)
      .lean<CountedTask>()
      .exec();
    if (before) return this.count(before, countedTaskOf(task), session);
    const exists = await this.tasks.exists(ownedTaskFilter(task.ownerId, task.id)).session(session).read('primary').exec();
    throw exists ? new TaskVersionConflictError() : new TaskNotFoundError();
  }

  /** False when the task is not there at its version. */
  async removeIn(task: Task, session: ClientSession | null): Promise<boolean> {
    if (!session) return this.inTransaction((own) => this.removeIn(task, own));
    return this.deleteIn(task.ownerId, task.id, task.version, session);
  }

  delete(ownerId: string, id: string, version: number): Promise<boolean> {
    return mongoCall(() => this.inTransaction((session) => this.deleteIn(ownerId, id, version, session)));
  }

  /** Deletes the task at its version and takes the stored document (as it was) off the counters. */
  private async deleteIn(ownerId: string, id: string, version: number, session: ClientSession): Promise<boolean> {
    const before = await this.tasks
      .findOneAndDelete(taskVersionFilter(ownerId, id, version), { projection: COUNTED_TASK_PROJECTION })
      .session(session)
      .lean<CountedTask>()
      .exec();
    if (!before) return false;
    await this.count(before, null, session);
    return true;
  }

  /** The counters' `$inc` upserts for one task write, one bulk write per counter collection that changes. */
  private async count(before: CountedTask | null, after: CountedTask | null, session: ClientSession): Promise<void> {
    const { counters, dueCounters } = taskCounterWrites(before, after);
    const upserts = (writes: CounterUpsert[]) => writes.map(({ filter, update }) => ({ updateOne: { filter, update, upsert: true } }));
    if (counters.length > 0) await this.tasks.db.collection(TASK_COUNTERS).bulkWrite(upserts(counters), { session });
    if (dueCounters.length > 0) await this.tasks.db.collection(TASK_DUE_COUNTERS).bulkWrite(upserts(dueCounters), { session });
  }
}
