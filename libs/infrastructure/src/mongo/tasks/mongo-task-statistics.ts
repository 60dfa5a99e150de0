import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { TaskStatistics, type TaskStats } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { mongoCall } from '../connection/mongo.errors';
import { MONGO_PERSISTENCE_OPTIONS, type ResolvedMongoPersistenceOptions } from '../connection/mongo-persistence.options';
import { type TaskStatsRow, taskStatsPipeline, toTaskStats } from './task-stats.pipeline';
import { TaskRecord } from './task.schema';

/** GetTaskStats: one aggregation on the configured read preference (a secondary by default). */
@Injectable()
export class MongoTaskStatistics extends TaskStatistics {
  constructor(
    @InjectModel(TaskRecord.name) private readonly tasks: Model<TaskRecord>,
    @Inject(MONGO_PERSISTENCE_OPTIONS) private readonly options: ResolvedMongoPersistenceOptions,
  ) {
    super();
  }

  overview(ownerId: string, now: Date): Promise<TaskStats> {
    const pipeline = taskStatsPipeline(ownerId, now);
    return mongoCall(async () => {
      const [row] = await this.tasks.collection
        .aggregate<TaskStatsRow>(pipeline, { readPreference: this.options.readPreference })
        .toArray();
      return toTaskStats(row);
    });
  }
}
