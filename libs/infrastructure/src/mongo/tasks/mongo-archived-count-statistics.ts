import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { TaskStatistics, type TaskStats } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { mongoCall } from '../connection/mongo.errors';
import { MONGO_PERSISTENCE_OPTIONS, type ResolvedMongoPersistenceOptions } from '../connection/mongo-persistence.options';
import { MongoTaskStatistics } from './mongo-task-statistics';
import { ARCHIVED_TASK_MODEL } from './task-archive.schema';
import { archivedByOwnerFilter } from './task-archive.filter';
import type { TaskRecord } from './task.schema';

/**
 * The store's statistics overview with the owner's archived count beside it: MongoTaskStatistics
 * reads the hot tasks only; the archive is counted on its owner-first index (a count of index keys,
 * as long as the owner's archive).
 */
@Injectable()
export class MongoArchivedCountStatistics extends TaskStatistics {
  constructor(
    private readonly hot: MongoTaskStatistics,
    @InjectModel(ARCHIVED_TASK_MODEL) private readonly archive: Model<TaskRecord>,
    @Inject(MONGO_PERSISTENCE_OPTIONS) private readonly options: ResolvedMongoPersistenceOptions,
  ) {
    super();
  }

  async overview(ownerId: string, now: Date): Promise<TaskStats> {
    const [stats, archived] = await Promise.all([
      this.hot.overview(ownerId, now),
      mongoCall(() =>
        this.archive.countDocuments(archivedByOwnerFilter(ownerId)).hint('owner_createdAt_id').read(this.options.readPreference).exec(),
      ),
    ]);
    return { ...stats, archived };
  }
}
