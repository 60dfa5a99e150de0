import { Injectable, Optional } from '@nestjs/common';
import { type Task, TaskNotFoundError, TaskOccurrenceExistsError, TaskRepository, TaskVersionConflictError } from '@primetrade/domain';
import { TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteEventOutbox } from '../events/sqlite-event-outbox';
import { rowToTask, type TaskRow, taskToParams } from './sqlite-task.mapper';

@Injectable()
export class SqliteTaskRepository extends TaskRepository {
  constructor(
    private readonly sqlite: SqliteDatabase,
    private readonly content: TaskContentSealer,
    /** With it, each write records the task's events in the same transaction (the app binds it). */
    @Optional() private readonly outbox?: SqliteEventOutbox,
  ) {
    super();
  }

  async findById(ownerId: string, id: string): Promise<Task | null> {
    const row = this.sqlite.statement('SELECT * FROM tasks WHERE id = ? AND owner_id = ?').get(id, ownerId) as TaskRow | undefined;
    return row ? rowToTask(row, this.content) : null;
  }

  // Through the group commit, which runs each write in a savepoint of its own: that holds its
  // statements together, so they need no second savepoint (~6 µs each).
  insert(task: Task): Promise<void> {
    return this.sqlite.writes.run(() => this.insertRows(task));
  }

  update(task: Task): Promise<void> {
    return this.sqlite.writes.run(() => this.updateRows(task));
  }

  override remove(task: Task): Promise<boolean> {
    return this.sqlite.writes.run(() => this.removeRows(task));
  }

  /**
   * The same writes, synchronous and each in a transaction of its own, so a unit of work can run
   * several inside one (better-sqlite3 nests each one's transaction there as a savepoint).
   */
  insertNow(task: Task): void {
    this.sqlite.db.transaction(() => this.insertRows(task)).immediate();
  }

  updateNow(task: Task): void {
    this.sqlite.db.transaction(() => this.updateRows(task)).immediate();
  }

  removeNow(task: Task): boolean {
    return this.sqlite.db.transaction(() => this.removeRows(task)).immediate();
  }

  async delete(ownerId: string, id: string, version: number): Promise<boolean> {
    const result = this.sqlite.statement('DELETE FROM tasks WHERE id = ? AND owner_id = ? AND version = ?').run(id, ownerId, version);
    return result.changes === 1;
  }

  /** The statements of each write; the caller's transaction or savepoint makes them one. */
  private insertRows(task: Task): void {
    const insert = this.sqlite.statement(
      `INSERT INTO tasks (id, owner_id, title, description, content_sealed, status, priority, priority_rank, due_at, tags, created_at, updated_at, completed_at, version,
             recurrence_rule, recurrence_zone, series_id)
           VALUES (@id, @owner_id, @title, @description, @content_sealed, @status, @priority, @priority_rank, @due_at, @tags, @created_at, @updated_at, @completed_at, @version,
             @recurrence_rule, @recurrence_zone, @series_id)`,
    );
    onlyOccurrence(() => insert.run(taskToParams(task, this.content)), task.recurrence !== null);
    this.writeTags(task);
    this.outbox?.takeFrom(task);
  }

  private updateRows(task: Task): void {
    const update = this.sqlite.statement(
      `UPDATE tasks SET title = @title, description = @description, content_sealed = @content_sealed, status = @status, priority = @priority,
             priority_rank = @priority_rank, due_at = @due_at, tags = @tags, updated_at = @updated_at,
             completed_at = @completed_at, version = @version,
             recurrence_rule = @recurrence_rule, recurrence_zone = @recurrence_zone, series_id = @series_id
           WHERE id = @id AND owner_id = @owner_id AND version = @expected_version`,
    );
    const result = onlyOccurrence(() => update.run({ ...taskToParams(task, this.content), expected_version: task.expectedStoredVersion }));
    if (result.changes === 0) {
      const exists = this.sqlite.statement('SELECT 1 FROM tasks WHERE id = ? AND owner_id = ?').get(task.id, task.ownerId);
      throw exists ? new TaskVersionConflictError() : new TaskNotFoundError();
    }
    this.sqlite.statement('DELETE FROM task_tags WHERE task_id = ?').run(task.id);
    this.writeTags(task);
    this.outbox?.takeFrom(task);
  }

  private removeRows(task: Task): boolean {
    const deleted =
      this.sqlite.statement('DELETE FROM tasks WHERE id = ? AND owner_id = ? AND version = ?').run(task.id, task.ownerId, task.version)
        .changes === 1;
    if (deleted) this.outbox?.takeFrom(task);
    return deleted;
  }

  private writeTags(task: Task): void {
    const insert = this.sqlite.statement('INSERT INTO task_tags (task_id, owner_id, tag) VALUES (?, ?, ?)');
    for (const tag of task.tags) insert.run(task.id, task.ownerId, tag);
  }
}

/**
 * A second occurrence of a series at the same due time breaks tasks_series_occurrence, or the
 * primary key (an occurrence's id is derived from its series and due time): a conflict.
 */
function onlyOccurrence<T>(write: () => T, recurring = true): T {
  try {
    return write();
  } catch (error) {
    const e = error as { code?: string; message?: string };
    if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' && e.message?.includes('tasks.series_id')) throw new TaskOccurrenceExistsError();
    if (recurring && e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new TaskOccurrenceExistsError();
    throw error;
  }
}
