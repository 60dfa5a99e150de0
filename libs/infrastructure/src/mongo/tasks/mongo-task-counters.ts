import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type ClientSession, createConnection, type Model } from 'mongoose';
import { mongoCall } from '../connection/mongo.errors';
import {
  type MongoPersistenceOptions,
  mongooseConnectOptions,
  resolveMongoPersistenceOptions,
} from '../connection/mongo-persistence.options';
import {
  type CounterRebuildRow,
  counterRebuildPipeline,
  dueCounterRebuildPipeline,
  nextCounterOwnerQuery,
  nextOwnerQuery,
  READ_MODEL_BUILDS,
  rebuiltCounterDocs,
  rebuiltDueCounterDocs,
  TASK_COUNTERS,
  TASK_DUE_COUNTERS,
  type TaskCounterDoc,
  type TaskDueCounterDoc,
} from './task-counters.filter';
import { TaskRecord, TaskSchema } from './task.schema';

/**
 * The statistics counters' build state and their rebuild from the tasks.
 *
 * Every task write keeps the counters from the moment this code runs; tasks written before had
 * none. So at start-up, while `read_model_builds` has no `task_counters` document, the counters
 * are rebuilt owner by owner in the background and the statistics are aggregated from the tasks
 * meanwhile (`built()` false). Each owner is rebuilt in one transaction that overwrites the
 * owner's counters with absolute values: a task write committing at the same time touches a
 * counter document the rebuild writes too, so one of the two transactions hits a write conflict
 * and runs again — no increment is lost or counted twice. Replicas starting together may each
 * rebuild; the result is the same. Deleting that document forces a rebuild at the next start.
 */
@Injectable()
export class MongoTaskCounters implements OnApplicationBootstrap {
  private readonly logger = new Logger('TaskCounters');
  private known = false;
  private running: Promise<void> | null = null;

  constructor(@InjectModel(TaskRecord.name) private readonly tasks: Model<TaskRecord>) {}

  onApplicationBootstrap(): void {
    void this.built()
      .then((done) => (done ? undefined : this.rebuildAll()))
      .catch((error: unknown) => this.logger.warn(`statistics counters not rebuilt: ${(error as Error).message}`));
  }

  private builds() {
    return this.tasks.db.collection<{ _id: string; builtAt: Date }>(READ_MODEL_BUILDS);
  }

  /** Whether the counters hold every task (remembered once true: only a rebuild document deletion undoes it). */
  async built(): Promise<boolean> {
    if (this.known) return true;
    this.known = !!(await mongoCall(() => this.builds().findOne({ _id: TASK_COUNTERS }, { projection: { _id: 1 } })));
    return this.known;
  }

  /** Rebuilds every owner's counters, then records the build (also when already built: `stats:rebuild`). One run at a time per process. */
  rebuildAll(): Promise<void> {
    this.running ??= this.walkOwners().finally(() => (this.running = null));
    return this.running;
  }

  private async walkOwners(): Promise<void> {
    const started = Date.now();
    let owners = 0;
    for (let after: string | null = null; ;) {
      const { filter, projection, sort, hint } = nextOwnerQuery(after);
      const row = await mongoCall(() =>
        this.tasks.findOne(filter, projection).sort(sort).hint(hint).read('primary').lean<{ owner: string }>().exec(),
      );
      if (!row) break;
      await this.rebuildOwner(row.owner);
      after = row.owner;
      owners++;
    }
    // Owners with counters but no task left: counters written before the build may not be zero.
    const counters = this.tasks.db.collection<{ _id: string; owner: string }>(TASK_COUNTERS);
    for (let after: string | null = null; ;) {
      const { filter, projection, sort } = nextCounterOwnerQuery(after);
      const row = await mongoCall(() => counters.findOne(filter, { projection, sort }));
      if (!row) break;
      if (!(await mongoCall(() => this.tasks.exists({ owner: row.owner }).read('primary').exec()))) await this.rebuildOwner(row.owner);
      after = row.owner;
    }
    await mongoCall(() => this.builds().updateOne({ _id: TASK_COUNTERS }, { $set: { builtAt: new Date() } }, { upsert: true }));
    this.known = true;
    this.logger.log(`statistics counters rebuilt for ${owners} owner(s) in ${Date.now() - started} ms`);
  }

  /** One owner's counters from its tasks, as absolute values, in one transaction. */
  rebuildOwner(owner: string): Promise<void> {
    return mongoCall(async () => {
      const session = await this.tasks.db.startSession();
      try {
        await session.withTransaction(() => this.rebuildOwnerIn(owner, session));
      } finally {
        await session.endSession();
      }
    });
  }

  private async rebuildOwnerIn(owner: string, session: ClientSession): Promise<void> {
    const rows = await this.tasks.collection.aggregate<CounterRebuildRow>(counterRebuildPipeline(owner), { session }).toArray();
    const dueRows = await this.tasks.collection
      .aggregate<{ _id: number; openTasks: number }>(dueCounterRebuildPipeline(owner), { session })
      .toArray();
    const counters = rebuiltCounterDocs(owner, rows).map((doc) => ({
      replaceOne: { filter: { _id: doc._id, owner }, replacement: doc, upsert: true },
    }));
    await this.tasks.db.collection<TaskCounterDoc>(TASK_COUNTERS).bulkWrite(counters, { session });
    const due = this.tasks.db.collection<TaskDueCounterDoc>(TASK_DUE_COUNTERS);
    await due.deleteMany({ owner }, { session });
    const dueDocs = rebuiltDueCounterDocs(owner, dueRows);
    if (dueDocs.length > 0) await due.insertMany(dueDocs, { session });
  }
}

/**
 * Connects as the app does and returns the counters' rebuild (`npm run stats:rebuild`); `close`
 * ends the connection. Indexes are not built here (autoIndex off): the app builds them.
 */
export async function connectMongoTaskCounters(
  options: MongoPersistenceOptions,
): Promise<{ counters: MongoTaskCounters; close: () => Promise<void> }> {
  const resolved = resolveMongoPersistenceOptions({ ...options, autoIndex: false });
  const connection = await createConnection(resolved.uri, { ...mongooseConnectOptions(resolved), autoIndex: false }).asPromise();
  return {
    counters: new MongoTaskCounters(connection.model<TaskRecord>(TaskRecord.name, TaskSchema)),
    close: () => connection.close(),
  };
}
