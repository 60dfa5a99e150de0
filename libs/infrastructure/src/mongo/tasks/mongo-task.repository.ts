import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Task, TaskNotFoundError, TaskRepository, TaskVersionConflictError } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { toSealedTaskRecord, toTask } from './task.mapper';
import { mongoCall } from '../connection/mongo.errors';
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
  ) {
    super();
  }

  findById(ownerId: string, id: string): Promise<Task | null> {
    return mongoCall(async () => {
      const record = await this.tasks.findOne(ownedTaskFilter(ownerId, id)).read('primary').lean<TaskRecord>().exec();
      return record ? toTask(record, this.content) : null;
    });
  }

  insert(task: Task): Promise<void> {
    return mongoCall(async () => {
      await this.tasks.create(toSealedTaskRecord(task, this.content));
    });
  }

  update(task: Task): Promise<void> {
    return mongoCall(async () => {
      const result = await this.tasks
        .updateOne(taskVersionFilter(task.ownerId, task.id, task.expectedStoredVersion), taskUpdate(task, this.content))
        .exec();
      if (result.matchedCount === 1) return;
      const exists = await this.tasks.exists(ownedTaskFilter(task.ownerId, task.id)).read('primary').exec();
      throw exists ? new TaskVersionConflictError() : new TaskNotFoundError();
    });
  }

  delete(ownerId: string, id: string, version: number): Promise<boolean> {
    return mongoCall(async () => {
      const result = await this.tasks.deleteOne(taskVersionFilter(ownerId, id, version)).exec();
      return result.deletedCount === 1;
    });
  }
}
