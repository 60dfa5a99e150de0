import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type DueTask, DueTaskScanner } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { mongoCall } from '../connection/mongo.errors';
import { type DueTaskRow, dueTaskScanPipeline } from './due-task-scan.pipeline';
import { DueTaskScanRecord } from './due-task-scan.schema';

/**
 * The one task query across owners: see dueTaskScanPipeline for why it is not owner-targeted
 * and which index serves it. Reads the primary: a task completed a moment ago must not be
 * enqueued again from a lagging secondary (the delivery re-checks anyway).
 */
@Injectable()
export class MongoDueTaskScanner extends DueTaskScanner {
  constructor(@InjectModel(DueTaskScanRecord.name) private readonly tasks: Model<DueTaskScanRecord>) {
    super();
  }

  findDue(now: Date, until: Date, limit: number): Promise<DueTask[]> {
    // `$limit: 0` is an error on the server.
    if (limit <= 0) return Promise.resolve([]);
    return mongoCall(async () => {
      const rows = await this.tasks.collection
        .aggregate<DueTaskRow>(dueTaskScanPipeline(now, until, limit), { readPreference: 'primary' })
        .toArray();
      return rows.map(({ taskId, ownerId, type, dueDate }) => ({ taskId, ownerId, type, dueDate }));
    });
  }
}
