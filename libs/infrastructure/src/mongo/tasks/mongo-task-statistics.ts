import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { TaskStatistics, type TaskStats } from '@primetrade/domain';
import type { ClientSession, Model } from 'mongoose';
import { mongoCall } from '../connection/mongo.errors';
import { MONGO_PERSISTENCE_OPTIONS, type ResolvedMongoPersistenceOptions } from '../connection/mongo-persistence.options';
import { MongoTaskCounters } from './mongo-task-counters';
import {
  countersToTaskStats,
  currentDuePipeline,
  type CurrentDueRow,
  OPEN_DUE_INDEX,
  ownerCountersFilter,
  type PastDueRow,
  pastDuePipeline,
  TASK_COUNTERS,
  TASK_DUE_COUNTERS,
  type TaskCounterDoc,
} from './task-counters.filter';
import { type TaskStatsRow, taskStatsPipeline, toTaskStats } from './task-stats.pipeline';
import { TaskRecord } from './task.schema';

/**
 * GetTaskStats on the configured read preference (a secondary by default): the owner's 16 counter
 * documents by `_id`, the due counters of the periods already over, and one range of the current
 * period's open tasks — three small reads in one snapshot session, so they see the same writes.
 * Until the counters are built (MongoTaskCounters), one aggregation over the owner's tasks.
 */
@Injectable()
export class MongoTaskStatistics extends TaskStatistics {
  constructor(
    @InjectModel(TaskRecord.name) private readonly tasks: Model<TaskRecord>,
    @Inject(MONGO_PERSISTENCE_OPTIONS) private readonly options: ResolvedMongoPersistenceOptions,
    private readonly counters: MongoTaskCounters,
  ) {
    super();
  }

  overview(ownerId: string, now: Date): Promise<TaskStats> {
    return mongoCall(async () => ((await this.counters.built()) ? this.fromCounters(ownerId, now) : this.aggregate(ownerId, now)));
  }

  private async fromCounters(ownerId: string, now: Date): Promise<TaskStats> {
    const session = await this.tasks.db.startSession({ snapshot: true });
    try {
      const readPreference = this.options.readPreference;
      const read = { session: session as ClientSession, readPreference };
      const counters = await this.tasks.db.collection<TaskCounterDoc>(TASK_COUNTERS).find(ownerCountersFilter(ownerId), read).toArray();
      const [past] = await this.tasks.db.collection(TASK_DUE_COUNTERS).aggregate<PastDueRow>(pastDuePipeline(ownerId, now), read).toArray();
      const [current] = await this.tasks.collection
        .aggregate<CurrentDueRow>(currentDuePipeline(ownerId, now), { ...read, hint: OPEN_DUE_INDEX })
        .toArray();
      return countersToTaskStats(counters, past, current);
    } finally {
      await session.endSession();
    }
  }

  /** The full aggregation: before the counters are built, and the reference their specs compare with. */
  private async aggregate(ownerId: string, now: Date): Promise<TaskStats> {
    const [row] = await this.tasks.collection
      .aggregate<TaskStatsRow>(taskStatsPipeline(ownerId, now), { readPreference: this.options.readPreference })
      .toArray();
    return toTaskStats(row);
  }
}
