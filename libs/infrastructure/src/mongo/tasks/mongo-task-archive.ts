import { Inject, Injectable } from '@nestjs/common';
import { getConnectionToken, InjectModel } from '@nestjs/mongoose';
import { type Task, TaskArchive, TaskArchived } from '@primetrade/domain';
import type { Connection, Model } from 'mongoose';
import { TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { mongoCall } from '../connection/mongo.errors';
import { MongoEventOutbox } from '../events/mongo-event-outbox';
import { MongoTaskRepository } from './mongo-task.repository';
import { ARCHIVED_TASK_MODEL } from './task-archive.schema';
import { archiveCandidatesQuery } from './task-archive.filter';
import { toTask } from './task.mapper';
import type { TaskRecord } from './task.schema';
import { TaskRecord as TaskRecordClass } from './task.schema';
import { ownedTaskFilter, taskVersionFilter } from './task-write.filter';

/** Thrown inside a restore's transaction to abort it: the archive no longer held the task at that version. */
class NothingToRestore extends Error {}

/**
 * The archive collection (tasks_archive). A batch is one session transaction: each candidate is
 * deleted from the hot collection through MongoTaskRepository.removeIn — at the version read, so a
 * task edited or reopened since stays hot, and whatever the repository keeps beside a write (the
 * statistics counters) follows — and only then its stored document is inserted into the archive,
 * with a TaskArchived event in the outbox. The candidates query runs across owners (a scatter on
 * a sharded cluster): it is the background job's, never a request's.
 */
@Injectable()
export class MongoTaskArchive extends TaskArchive {
  constructor(
    @Inject(getConnectionToken()) private readonly connection: Connection,
    @InjectModel(TaskRecordClass.name) private readonly hot: Model<TaskRecord>,
    @InjectModel(ARCHIVED_TASK_MODEL) private readonly archive: Model<TaskRecord>,
    private readonly tasks: MongoTaskRepository,
    private readonly outbox: MongoEventOutbox,
    private readonly content: TaskContentSealer,
  ) {
    super();
  }

  archiveBatch(cutoff: Date, limit: number, now: Date): Promise<number> {
    return mongoCall(async () => {
      const { filter, sort, hint } = archiveCandidatesQuery(cutoff, limit);
      const candidates = await this.hot.find(filter).sort(sort).limit(limit).hint(hint).read('primary').lean<TaskRecord[]>().exec();
      if (candidates.length === 0) return 0;
      const session = await this.connection.startSession();
      let moved: TaskRecord[] = [];
      let docs: ReturnType<MongoEventOutbox['documentsOf']> = [];
      try {
        // The driver may run the callback again on a transient error: everything is recomputed inside.
        await session.withTransaction(async () => {
          moved = [];
          for (const record of candidates) {
            if (await this.tasks.removeIn(toTask(record, this.content), session)) moved.push(record);
          }
          if (moved.length > 0) await this.archive.insertMany(moved, { session });
          docs = this.outbox.documentsOf(moved.map((r) => new TaskArchived(r._id, r.owner, toTask(r, this.content).facts(), now)));
          await this.outbox.insertIn(session, docs);
        });
      } finally {
        await session.endSession();
      }
      this.outbox.committed(docs);
      return moved.length;
    });
  }

  findById(ownerId: string, id: string): Promise<Task | null> {
    return mongoCall(async () => {
      const record = await this.archive.findOne(ownedTaskFilter(ownerId, id)).read('primary').lean<TaskRecord>().exec();
      return record ? toTask(record, this.content) : null;
    });
  }

  restore(task: Task): Promise<boolean> {
    return mongoCall(() =>
      this.outbox.withEvents(task, async (session) => {
        const taken = await this.archive
          .deleteOne(taskVersionFilter(task.ownerId, task.id, task.expectedStoredVersion))
          .session(session)
          .exec();
        if (taken.deletedCount !== 1) throw new NothingToRestore(); // aborts: no event for a restore that did not happen
        // The hot insert as any other, so what the repository keeps beside a write follows.
        await this.tasks.insertIn(task, session);
        return true;
      }),
    ).catch((error: unknown) => {
      if (error instanceof NothingToRestore) return false;
      throw error;
    });
  }
}
