import { setImmediate as nextTurn } from 'node:timers/promises';
import { Injectable, Optional } from '@nestjs/common';
import { type Task, TaskArchive, TaskArchived, type TaskPriority, type TaskStatus } from '@primetrade/domain';
import { TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteEventOutbox } from '../events/sqlite-event-outbox';
import { rowToTask, TASK_COLUMNS, type TaskRow } from './sqlite-task.mapper';
import { SqliteTaskRepository } from './sqlite-task.repository';

interface CandidateRow {
  id: string;
  owner_id: string;
  status: TaskStatus;
  priority: TaskPriority;
  due_at: number | null;
  created_at: number;
  completed_at: number | null;
}

/** Due for the archive: completed, and unchanged since the cutoff. */
const DUE = "status = 'completed' AND completed_at < @cutoff AND updated_at < @cutoff";
/**
 * The batch's rows by primary key, the condition checked again on each: the unary `+` keeps the
 * planner off the range of every old completed task, which would grow with the backlog.
 */
const BATCH = "id IN (SELECT value FROM json_each(@ids)) AND +status = 'completed' AND +completed_at < @cutoff AND +updated_at < @cutoff";

/**
 * The archive table of the SQLite file (migration 22). A move is one IMMEDIATE transaction: the
 * candidates are read from the partial index of completed tasks by last change and copied, with
 * their tags, into the archive and deleted from tasks, every statement under the same "still
 * completed, unchanged since the cutoff" condition, with a TaskArchived event per task in the outbox.
 * Nothing can write between the read and the delete (the write lock is held from BEGIN), so a task
 * reopened or edited before the move is no candidate and stays hot; one moved is not in tasks to
 * move again. The delete fires the hot table's triggers: counters, due counters and the search
 * index lose the row in the same transaction.
 */
@Injectable()
export class SqliteTaskArchive extends TaskArchive {
  constructor(
    private readonly sqlite: SqliteDatabase,
    private readonly content: TaskContentSealer,
    private readonly tasks: SqliteTaskRepository,
    /** With it, moves record their events in the same transaction (the app binds it). */
    @Optional() private readonly outbox?: SqliteEventOutbox,
  ) {
    super();
  }

  async archiveBatch(cutoff: Date, limit: number, now: Date): Promise<number> {
    // better-sqlite3 is synchronous: without a turn of the event loop between batches, a backlog
    // of batches would hold up every request of this process until the last one.
    await nextTurn();
    const params = { cutoff: cutoff.getTime(), limit };
    return this.sqlite.db
      .transaction(() => {
        const rows = this.sqlite
          .statement(
            `SELECT id, owner_id, status, priority, due_at, created_at, completed_at FROM tasks INDEXED BY tasks_completed_updated
             WHERE ${DUE} ORDER BY updated_at LIMIT @limit`,
          )
          .all(params) as CandidateRow[];
        if (rows.length === 0) return 0;
        const batch = { ...params, ids: JSON.stringify(rows.map((r) => r.id)) };
        this.sqlite.statement(`INSERT INTO tasks_archive (${TASK_COLUMNS}) SELECT ${TASK_COLUMNS} FROM tasks WHERE ${BATCH}`).run(batch);
        this.sqlite
          .statement(
            `INSERT INTO task_archive_tags (task_id, owner_id, tag) SELECT task_id, owner_id, tag FROM task_tags WHERE task_id IN (SELECT value FROM json_each(@ids))`,
          )
          .run({ ids: batch.ids });
        const moved = this.sqlite.statement(`DELETE FROM tasks WHERE ${BATCH}`).run(batch).changes;
        if (moved !== rows.length) throw new Error(`archive move: ${moved} of ${rows.length} rows deleted`); // cannot happen under the lock; rolls back
        this.outbox?.append(rows.map((r) => new TaskArchived(r.id, r.owner_id, factsOf(r), now)));
        return moved;
      })
      .immediate();
  }

  async findById(ownerId: string, id: string): Promise<Task | null> {
    const row = this.sqlite.statement(`SELECT ${TASK_COLUMNS} FROM tasks_archive WHERE id = ? AND owner_id = ?`).get(id, ownerId) as
      TaskRow | undefined;
    return row ? rowToTask(row, this.content) : null;
  }

  async restore(task: Task): Promise<boolean> {
    return this.sqlite.db
      .transaction(() => {
        const taken = this.sqlite
          .statement('DELETE FROM tasks_archive WHERE id = ? AND owner_id = ? AND version = ?')
          .run(task.id, task.ownerId, task.expectedStoredVersion).changes;
        if (taken === 0) return false;
        // The hot insert as any other (tags, triggers, the task's events in the outbox): a normal task again.
        this.tasks.insertNow(task);
        return true;
      })
      .immediate();
  }
}

function factsOf(row: CandidateRow) {
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  return {
    status: row.status,
    priority: row.priority,
    dueDate: date(row.due_at),
    createdAt: new Date(row.created_at),
    completedAt: date(row.completed_at),
  };
}
