import { Query } from '@nestjs/cqrs';
import type { SortOrder, TaskListCriteria, TaskSortField } from '../../../ports/task-read-model.port';
import type { TaskView } from '../../task.view';

/** Every task matching the list's filters, in its order, as a stream (read a page at a time). */
export class ExportTasksQuery extends Query<AsyncIterable<TaskView>> {
  constructor(
    readonly ownerId: string,
    readonly criteria: Omit<TaskListCriteria, 'now'>,
    readonly sort: TaskSortField = 'createdAt',
    readonly order: SortOrder = 'asc',
  ) {
    super();
  }
}
