import { inject, Injectable } from '@angular/core';
import {
  Api,
  bulkTasks,
  completeTask,
  createTask,
  deleteTask,
  exportTasks,
  getTask,
  importTasks,
  listTasks,
  restoreTask,
  updateTask,
} from '@primetrade/api-client';
import { EMPTY, expand, map, Observable, reduce } from 'rxjs';
import {
  BulkAnswer,
  BulkOperation,
  ExportFormat,
  ExportQuery,
  ImportReport,
  NewTask,
  Task,
  TaskChanges,
  TaskPage,
  TaskQuery,
  TaskStatus,
} from '../../../core/api/task.types';

/** The ETag the API gives a task version (`"3"`), sent back as If-Match. */
export const etagOf = (task: Pick<Task, 'version'>): string => `"${task.version}"`;

/** Tasks gathered over several pages; `complete` is false when the cap cut them off. */
export interface Gathered {
  items: Task[];
  complete: boolean;
}

/** At most this many tasks are gathered for a board column or a calendar month. */
export const MAX_GATHERED = 500;

/**
 * The data access of the tasks feature (list, board, calendar, edit): every task call goes
 * through the generated SDK here. Stateless, so it lives at the root; pages hold the state.
 */
@Injectable({ providedIn: 'root' })
export class TaskService {
  private readonly api = inject(Api);

  list(query: TaskQuery): Observable<TaskPage> {
    return this.api.invoke(listTasks, query);
  }

  /** Follows the cursor until the end (or `max` tasks): a board column, a calendar month. */
  listAll(query: TaskQuery, max = MAX_GATHERED): Observable<Gathered> {
    const first = { ...query, limit: 100 };
    return this.list(first).pipe(
      expand((page, i) => (page.nextCursor && (i + 1) * 100 < max ? this.list({ ...first, cursor: page.nextCursor }) : EMPTY)),
      reduce<TaskPage, Gathered>((acc, page) => ({ items: [...acc.items, ...page.items], complete: !page.nextCursor }), {
        items: [],
        complete: false,
      }),
    );
  }

  get(id: string): Observable<Task> {
    return this.api.invoke(getTask, { id });
  }

  create(body: NewTask): Observable<Task> {
    return this.api.invoke(createTask, { body });
  }

  /** If-Match carries the version the user edited, so a concurrent change is not overwritten. */
  update(id: string, body: TaskChanges, etag?: string): Observable<Task> {
    return this.api.invoke(updateTask, { id, body, ...(etag ? { 'If-Match': etag } : {}) });
  }

  getWithEtag(id: string): Observable<{ task: Task; etag: string | undefined }> {
    return this.api
      .invoke$Response(getTask, { id })
      .pipe(map((response) => ({ task: response.body, etag: response.headers.get('ETag') ?? undefined })));
  }

  /** Completes the version the user saw (412 when it changed since). */
  complete(task: Task): Observable<Task> {
    return this.api.invoke(completeTask, { id: task.id, 'If-Match': etagOf(task) });
  }

  /** Back to "To do", from the version the user saw. */
  reopen(task: Task): Observable<Task> {
    return this.setStatus(task, 'todo');
  }

  /** A status change (board moves, check-off) guarded by the version the user saw. */
  setStatus(task: Task, status: TaskStatus): Observable<Task> {
    if (status === 'completed') return this.complete(task);
    return this.api.invoke(updateTask, { id: task.id, body: { status }, 'If-Match': etagOf(task) });
  }

  /** For an open occurrence of a repeating task, `series` ends the series; otherwise the next occurrence takes its place. */
  delete(id: string, series = false): Observable<void> {
    return this.api.invoke(deleteTask, { id, ...(series ? { series: 'true' as const } : {}) }).pipe(map(() => undefined));
  }

  /** Brings an archived task back among the current ones (a new version). */
  restore(id: string): Observable<Task> {
    return this.api.invoke(restoreTask, { id });
  }

  /** Several operations in one request, each answered on its own (not atomic): the results say which failed. */
  bulk(operations: BulkOperation[]): Observable<BulkAnswer> {
    return this.api.invoke(bulkTasks, { body: { operations } });
  }

  /** Every task the filters match, as a file (fetched with the bearer token, then saved by the page). */
  export(query: ExportQuery, format: ExportFormat): Observable<Blob> {
    return this.api.invoke(exportTasks, { ...query, format });
  }

  /** A CSV or JSON file of tasks; `dryRun` only checks every row and reports. */
  import(file: File, dryRun: boolean): Observable<ImportReport> {
    return this.api.invoke(importTasks, { dryRun, body: { file } });
  }
}
