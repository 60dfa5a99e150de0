import { Inject, Injectable } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { TaskUnitOfWork, TaskVersionConflictError, type TaskWrite } from '@primetrade/domain';
import type { ClientSession, Connection } from 'mongoose';
import { mongoCall } from '../connection/mongo.errors';
import { MongoEventOutbox } from '../events/mongo-event-outbox';
import { MongoTaskRepository } from './mongo-task.repository';

/**
 * The writes of a unit in one session transaction (a replica set, as the app requires), with
 * their events in the outbox collection: both commit together or neither does; the relay sees the
 * events only once committed. The driver may run the callback again on a transient error; every
 * write is conditional on its version, so a retry writes the same or aborts.
 */
@Injectable()
export class MongoTaskUnitOfWork extends TaskUnitOfWork {
  constructor(
    @Inject(getConnectionToken()) private readonly connection: Connection,
    private readonly tasks: MongoTaskRepository,
    private readonly outbox: MongoEventOutbox,
  ) {
    super();
  }

  commit(writes: readonly TaskWrite[]): Promise<void> {
    return mongoCall(async () => {
      const events = this.outbox.documentsOf(writes.flatMap((w) => w.events));
      const session = await this.connection.startSession();
      try {
        await session.withTransaction(async () => {
          for (const write of writes) await this.apply(write, session);
          await this.outbox.insertIn(session, events);
        });
      } finally {
        await session.endSession();
      }
      this.outbox.committed(events);
    });
  }

  private async apply({ kind, task }: TaskWrite, session: ClientSession): Promise<void> {
    if (kind === 'insert') return this.tasks.insertIn(task, session);
    if (kind === 'update') return this.tasks.updateIn(task, session);
    if (!(await this.tasks.removeIn(task, session))) throw new TaskVersionConflictError(); // aborts the transaction
  }
}
