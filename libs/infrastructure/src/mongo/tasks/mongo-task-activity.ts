import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { TaskActivityReadModel, type TaskActivityCounts } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { mongoCall } from '../connection/mongo.errors';
import { MONGO_PERSISTENCE_OPTIONS, type ResolvedMongoPersistenceOptions } from '../connection/mongo-persistence.options';
import { type TaskActivityRow, taskActivityPipeline, toTaskActivityCounts } from './task-activity.pipeline';
import { TaskRecord } from './task.schema';

/** The timeline's counts: one aggregation on the configured read preference (a secondary by default). */
@Injectable()
export class MongoTaskActivityReadModel extends TaskActivityReadModel {
  constructor(
    @InjectModel(TaskRecord.name) private readonly tasks: Model<TaskRecord>,
    @Inject(MONGO_PERSISTENCE_OPTIONS) private readonly options: ResolvedMongoPersistenceOptions,
  ) {
    super();
  }

  activity(ownerId: string, boundaries: readonly Date[]): Promise<TaskActivityCounts> {
    const pipeline = taskActivityPipeline(ownerId, boundaries);
    return mongoCall(async () => {
      const [row] = await this.tasks.collection
        .aggregate<TaskActivityRow>(pipeline, { readPreference: this.options.readPreference })
        .toArray();
      return toTaskActivityCounts(row, boundaries);
    });
  }
}
