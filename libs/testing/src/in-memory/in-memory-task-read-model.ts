import { Injectable } from '@nestjs/common';
import { TaskReadModel, type TaskListRequest, type TaskView } from '@primetrade/domain';
import { copyTask, InMemoryStore } from './in-memory-store';
import { compareTasks, isAfterPosition, matchesCriteria } from './task-list-predicate';

@Injectable()
export class InMemoryTaskReadModel extends TaskReadModel {
  constructor(private readonly store: InMemoryStore) {
    super();
  }

  async list(ownerId: string, request: TaskListRequest): Promise<TaskView[]> {
    const { criteria, sort, order, after } = request;
    const rows = [...(criteria.archived ? this.store.archivedTasks : this.store.tasks).values()].filter(
      (task) =>
        task.ownerId === ownerId && matchesCriteria(task, criteria) && (after === null || isAfterPosition(task, sort, order, after)),
    );
    rows.sort(compareTasks(sort, order));
    // SQLite reads a negative LIMIT as "no limit"; keep the same answer.
    const limited = request.limit < 0 ? rows : rows.slice(0, request.limit);
    return limited.map(copyTask);
  }
}
