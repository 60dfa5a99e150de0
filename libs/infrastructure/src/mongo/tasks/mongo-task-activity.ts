import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type CompletionGap, TaskActivityReadModel, type TaskActivityCounts } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { mongoCall } from '../connection/mongo.errors';
import { MONGO_PERSISTENCE_OPTIONS, type ResolvedMongoPersistenceOptions } from '../connection/mongo-persistence.options';
import {
  CompletionGapCollector,
  completionTimesQuery,
  type TaskActivityRow,
  taskActivityPipeline,
  toTaskActivityCounts,
} from './task-activity.pipeline';
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

  completionGaps(ownerId: string, before: Date, limit: number): Promise<CompletionGap[]> {
    const BATCH = 512;
    return mongoCall(async () => {
      const collector = new CompletionGapCollector(limit);
      let cursor = before;
      for (;;) {
        const { filter, projection, sort, limit: size, hint } = completionTimesQuery(ownerId, cursor, BATCH);
        const rows = await this.tasks
          .find(filter, projection)
          .sort(sort)
          .limit(size)
          .hint(hint)
          .read(this.options.readPreference)
          .lean<{ completedAt: Date }[]>()
          .exec();
        const times = rows.map((r) => r.completedAt);
        const gaps = collector.add(times, rows.length < size);
        if (collector.done || rows.length < size) return gaps;
        cursor = times[times.length - 1];
      }
    });
  }
}
