import { inject, Injectable } from '@angular/core';
import {
  Api,
  completeTask,
  createTask,
  deleteTask,
  getTask,
  getTaskStats,
  listTasks,
  updateTask,
} from '@primetrade/api-client';
import { map, Observable } from 'rxjs';
import { NewTask, Task, TaskChanges, TaskPage, TaskQuery, TaskStats } from '../../../core/api/task.types';

/** Task calls through the generated SDK; stateless, so it can live at the root. */
@Injectable({ providedIn: 'root' })
export class TaskService {
  private readonly api = inject(Api);

  list(query: TaskQuery): Observable<TaskPage> {
    return this.api.invoke(listTasks, query);
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

  complete(id: string): Observable<Task> {
    return this.api.invoke(completeTask, { id });
  }

  reopen(id: string): Observable<Task> {
    return this.api.invoke(updateTask, { id, body: { status: 'todo' } });
  }

  delete(id: string): Observable<void> {
    return this.api.invoke(deleteTask, { id }).pipe(map(() => undefined));
  }

  stats(): Observable<TaskStats> {
    return this.api.invoke(getTaskStats);
  }
}
