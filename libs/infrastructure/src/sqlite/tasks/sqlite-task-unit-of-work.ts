import { Injectable } from '@nestjs/common';
import { TaskUnitOfWork, TaskVersionConflictError, type TaskWrite } from '@primetrade/domain';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteEventOutbox } from '../events/sqlite-event-outbox';
import { SqliteTaskRepository } from './sqlite-task.repository';

/**
 * The writes of a unit in one better-sqlite3 transaction on the one connection, with their
 * events in the outbox table: synchronous from BEGIN to COMMIT, so no other request's statement
 * can slip in between, and the relay sees the events only once they committed.
 */
@Injectable()
export class SqliteTaskUnitOfWork extends TaskUnitOfWork {
  constructor(
    private readonly sqlite: SqliteDatabase,
    private readonly tasks: SqliteTaskRepository,
    private readonly outbox: SqliteEventOutbox,
  ) {
    super();
  }

  async commit(writes: readonly TaskWrite[]): Promise<void> {
    this.sqlite.db
      .transaction(() => {
        for (const write of writes) {
          if (write.kind === 'insert') this.tasks.insertNow(write.task);
          else if (write.kind === 'update') this.tasks.updateNow(write.task);
          else if (!this.tasks.removeNow(write.task)) throw new TaskVersionConflictError(); // rolls the whole unit back
          this.outbox.append(write.events);
        }
      })
      .immediate();
  }
}
