import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { TaskReadModel, type TaskListRequest, type TaskView } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { toTaskViewFromRecord } from './mappers/task.mapper';
import { mongoCall } from './mongo-errors';
import { MONGO_PERSISTENCE_OPTIONS, type ResolvedMongoPersistenceOptions } from './mongo-persistence.options';
import { TASK_VIEW_PROJECTION, taskListQuery } from './queries/task-list.query';
import { TaskRecord } from './schemas/task.schema';

/** ListTasks: a keyset-paged find on the configured read preference (a secondary by default). */
@Injectable()
export class MongoTaskReadModel extends TaskReadModel {
  constructor(
    @InjectModel(TaskRecord.name) private readonly tasks: Model<TaskRecord>,
    @Inject(MONGO_PERSISTENCE_OPTIONS) private readonly options: ResolvedMongoPersistenceOptions,
  ) {
    super();
  }

  list(ownerId: string, request: TaskListRequest): Promise<TaskView[]> {
    const { filter, sort, limit } = taskListQuery(ownerId, request);
    return mongoCall(async () => {
      const records = await this.tasks
        .find(filter, TASK_VIEW_PROJECTION)
        .sort(sort)
        .limit(limit)
        .read(this.options.readPreference)
        .lean<TaskRecord[]>()
        .exec();
      return records.map(toTaskViewFromRecord);
    });
  }
}
